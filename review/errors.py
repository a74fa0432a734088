"""Errors shown to users as they are: Chinese, naming the file, saying what to do."""
from __future__ import annotations


class UserError(Exception):
    """A refusal or failure whose message is meant for the user (one line of Chinese)."""

    def __init__(self, message: str, *, exit_code: int = 2) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code

    def __str__(self) -> str:
        return self.message


class PermissionDenied(UserError):
    """The current user's role does not allow the action."""

    def __init__(self, message: str) -> None:
        super().__init__(message, exit_code=3)
