"""The demo's two accounts, so that a newcomer can try both sides: the leader of one group (review
and sign-off) and the office (groups, accounts, collation). Their names and the shared demo
password are shown on the start screen; they protect nothing."""
from __future__ import annotations

from dataclasses import dataclass

from review.workspace.accounts import create_user
from review.workspace.folder import Workspace
from review.workspace.permissions import LOCAL_USER

DEMO_PASSWORD = "demo2026"


@dataclass(frozen=True)
class DemoAccount:
    name: str
    role: str  # review.workspace.permissions.ROLE_NAMES
    group: str | None = None  # the group's code (demo.plan.GROUPS)
    group_name: str = ""


DEMO_ACCOUNTS = (DemoAccount("张明", "leader", "XC", "宣传组"), DemoAccount("李华", "office"))


def add_demo_accounts(workspace: Workspace) -> None:
    """Create the demo accounts (the workspace then asks who logs in)."""
    for account in DEMO_ACCOUNTS:
        create_user(workspace, LOCAL_USER, account.name, account.role, DEMO_PASSWORD, account.group)
