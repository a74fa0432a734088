"""What a command handler gets: parsed arguments, the workspace, the acting user, output helpers.

Opening the workspace logs in: on a workspace with accounts no command reads or writes anything
before `--user` and the password have been checked (`run` opens it up front for every command
that works on an existing workspace). The typed password is kept for the one command that needs
it again, signing, so that it is asked once.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from review.errors import UserError
from review.workspace.permissions import Actor, readable_group

if TYPE_CHECKING:
    from review.workspace.folder import Workspace


@dataclass
class Context:
    args: argparse.Namespace
    _workspace: Workspace | None = field(default=None, init=False)
    _actor: Actor | None = field(default=None, init=False)
    _password: str | None = field(default=None, init=False, repr=False)

    @property
    def workspace_dir(self) -> Path:
        folder = getattr(self.args, "workspace", None)
        if not folder:
            raise UserError("请用 -w 指定工作区文件夹，例如：materials-review -w 我的工作区 status")
        return Path(folder)

    @property
    def workspace(self) -> Workspace:
        """The open workspace, available only once the user has logged in (if it has accounts)."""
        if self._workspace is None:
            from review.workspace.folder import Workspace

            workspace = Workspace.open(self.workspace_dir, db_url=getattr(self.args, "db_url", None))
            try:
                self._log_in(workspace)
            except BaseException:
                workspace.close()
                raise
            self._workspace = workspace
        return self._workspace

    def _log_in(self, workspace: Workspace) -> None:
        from review.workspace.accounts import env_or_prompt, resolve_actor

        typed: list[str] = []

        def ask(prompt: str) -> str:
            typed.append(env_or_prompt(prompt))
            return typed[-1]

        self._actor = resolve_actor(workspace, getattr(self.args, "user", None), ask)
        self._password = typed[-1] if typed else None

    @property
    def actor(self) -> Actor:
        """Who is acting: the logged-in account, or the local user of a workspace without accounts."""
        if self._actor is None:
            _ = self.workspace  # opening the workspace logs in
        assert self._actor is not None
        return self._actor

    @property
    def password(self) -> str | None:
        """The password the user logged in with; None on a workspace without accounts."""
        _ = self.actor
        return self._password

    def read_scope(self, group: str | None) -> str | None:
        """The one group a read is limited to (None: every group); refuses another group's data."""
        return readable_group(self.actor, group)

    def close(self) -> None:
        if self._workspace is not None:
            self._workspace.close()
            self._workspace = None

    # -- output --------------------------------------------------------------------------------
    def json(self, document: Any) -> None:
        """Print one JSON document on standard output."""
        json.dump(document, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")

    def out(self, line: str = "") -> None:
        print(line)

    def note(self, line: str) -> None:
        """Progress and remarks go to standard error so that stdout stays machine-readable."""
        print(line, file=sys.stderr)

    @property
    def waiting(self) -> Callable[[str], None] | None:
        """With `--wait`, what a busy workspace lock is told to do: say so, then wait."""
        if not getattr(self.args, "wait", False):
            return None
        said: set[str] = set()

        def say_once(message: str) -> None:
            if message not in said:
                said.add(message)
                self.note(message)
        return say_once


WAIT_HELP = "另一个操作（同组的扫描或签字、另一次导入）正在进行时，等它完成后继续，而不是报错退出"
