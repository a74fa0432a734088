"""The state of one 测评标准 as the desk shows it (no Qt here); see desktop.desk_data.group_statuses."""
from __future__ import annotations

from dataclasses import dataclass

# The badge keys in the order the status filter lists them (labels, colours, ranks: manual_tree.STATES).
STATE_KEYS = ("missing", "problem", "pending", "ok", "waived", "changed")


@dataclass(frozen=True)
class StandardStatus:
    """`state` is one of STATE_KEYS; `files` counts the present files mapped to the standard."""

    state: str
    files: int = 0
    note: str = ""
