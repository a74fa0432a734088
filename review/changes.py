"""What a service changed, so that each screen refreshes only the panes that show it (the idea of
Anki's OpChanges): a decision changes one standard, filing files changes standards and the file
list, a scan or a sign-off may change every standard of the group."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    group: str
    standards: frozenset[str] = frozenset()  # standards whose status, files or findings may have changed
    every_standard: bool = False  # all of the group's standards (a scan, a sign-off)
    files: bool = False  # the group's files: new, changed, gone, filed or unfiled
    signoff: bool = False  # the group's sign-off

    def touches(self, code: str) -> bool:
        return self.every_standard or code in self.standards
