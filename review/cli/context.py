"""What a command handler gets: parsed arguments, the workspace, the acting user, output helpers."""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from review.errors import UserError
from review.permissions import Actor
from review.workspace import Workspace


@dataclass
class Context:
    args: argparse.Namespace
    _workspace: Workspace | None = field(default=None, init=False)
    _actor: Actor | None = field(default=None, init=False)

    @property
    def workspace_dir(self) -> Path:
        folder = getattr(self.args, "workspace", None)
        if not folder:
            raise UserError("请用 -w 指定工作区文件夹，例如：materials-review -w 我的工作区 status")
        return Path(folder)

    @property
    def workspace(self) -> Workspace:
        if self._workspace is None:
            self._workspace = Workspace.open(self.workspace_dir, db_url=getattr(self.args, "db_url", None))
        return self._workspace

    @property
    def actor(self) -> Actor:
        """Who is acting: the logged-in account, or the local user of a workspace without accounts."""
        if self._actor is None:
            from review.accounts import resolve_actor

            self._actor = resolve_actor(self.workspace, getattr(self.args, "user", None))
        return self._actor

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
