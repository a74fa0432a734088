"""Logging to a file: the workspace's log when a workspace is open, else the user's log folder."""
from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

import platformdirs

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def user_log_file() -> Path:
    return Path(platformdirs.user_log_dir("materials-review", appauthor=False)) / "materials-review.log"


def configure_logging(log_file: Path, level: int = logging.INFO) -> None:
    """Send log records to `log_file` (rotating); replaces an earlier file handler of ours."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_materials_review", False):
            root.removeHandler(handler)
            handler.close()
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter(FORMAT))
    handler._materials_review = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
