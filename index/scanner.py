"""Walking the folders a group submits, and fingerprinting files.

Walking is cheap on purpose: it only `stat`s. Whether a file must be hashed and extracted again
is decided by the caller from size and modification time.
"""
from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

# Files that office PCs leave behind and nobody submits.
IGNORED_NAMES = {"thumbs.db", "desktop.ini", ".ds_store"}
IGNORED_PREFIXES = ("~$", ".~lock.", "._")
CHUNK = 1 << 20


@dataclass(frozen=True)
class FileStat:
    """A regular file found by the walk. `path` is absolute; `rel_path` is relative to `root`."""

    path: str
    root: str
    rel_path: str
    size: int
    mtime_ns: int
    real: str = ""  # the path as the OS knows it (may hold undecodable bytes); for opening only


def display_path(path: str | os.PathLike[str]) -> str:
    """A path that can be stored and shown: undecodable bytes appear as \\xNN escapes."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", "backslashreplace")


def _is_ignored(name: str) -> bool:
    lower = name.lower()
    return lower in IGNORED_NAMES or lower.startswith(IGNORED_PREFIXES)


@dataclass(frozen=True)
class Skipped:
    """Something the walk did not take, for the caller to report: an unreadable folder
    ("unreadable"), or a symbolic link, which is never followed: one that loops ("loop"), points
    outside the folder being scanned ("outside") or inside it ("link"). `target` is where it points."""

    path: str
    kind: str
    target: str = ""


def walk(paths: Iterable[Path], skipped: Callable[[Skipped], None] | None = None) -> Iterator[FileStat]:
    """Every regular file under the given folders (recursively) and the given files, sorted.

    Symbolic links are not followed (a link could point outside the submission); they and unreadable
    folders are told to `skipped`. Files that vanish between listing and stat are dropped.
    """
    tell = skipped or (lambda _s: None)
    for given in paths:
        given = Path(os.path.abspath(given))
        if given.is_file():
            yield from stat_file(given, given.parent)
            continue
        for folder, dirs, files in os.walk(given, followlinks=False,
                                           onerror=lambda e: tell(Skipped(display_path(e.filename or ""), "unreadable"))):
            links = [n for n in (*dirs, *files) if os.path.islink(os.path.join(folder, n)) and not _is_ignored(n)]
            for name in sorted(links):
                tell(_link(Path(folder) / name, given))
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in links)
            for name in sorted(files):
                if not _is_ignored(name) and name not in links:
                    yield from stat_file(Path(folder) / name, given)


def _link(path: Path, root: Path) -> Skipped:
    try:
        target = path.resolve(strict=True)
    except RuntimeError:
        return Skipped(display_path(path), "loop")
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Skipped(display_path(path), "loop")
        return Skipped(display_path(path), "outside", display_path(os.readlink(path)))
    inside = target == root.resolve() or root.resolve() in target.parents
    return Skipped(display_path(path), "link" if inside else "outside", display_path(target))


def stat_file(path: Path, root: Path) -> Iterator[FileStat]:
    try:
        info = path.lstat()
    except OSError:
        return
    if not stat.S_ISREG(info.st_mode):
        return
    shown = display_path(path)
    rel = display_path(os.path.relpath(path, root)).replace(os.sep, "/")
    yield FileStat(
        path=shown,
        root=display_path(root),
        rel_path=rel,
        size=info.st_size,
        mtime_ns=info.st_mtime_ns,
        real=str(path),
    )


def sha256_file(path: str | os.PathLike[str]) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def file_name(path: str, rel_path: str = "") -> str:
    """The file's name from its stored paths (`rel_path` always uses "/"; `path` the OS separator)."""
    if rel_path:
        return rel_path.rsplit("/", 1)[-1]
    return os.path.basename(path)
