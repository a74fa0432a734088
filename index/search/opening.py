"""Opening the index the way the application does: whatever state it is in, end up with one that works."""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path

from index.search.model import PageTexts, Progress, SearchDoc
from index.search.sqlite_engine import SearchIndex

log = logging.getLogger(__name__)


def open_search_index(folder: Path, page_texts: PageTexts,
                      rebuild_source: Callable[[], Iterable[SearchDoc]] | None = None,
                      progress: Progress | None = None, *, lock_timeout: float = 30.0) -> SearchIndex:
    """A working index in `folder`.

    Missing, corrupt or older-schema indexes are rebuilt from `rebuild_source()` (every document
    the workspace knows), reporting `progress`; without a source they start empty. A lock left by
    a writer that died is broken, and the index rebuilt too, since that writer may have stopped
    half way through.
    """
    index = SearchIndex(folder, page_texts, lock_timeout=lock_timeout)
    state = index.health()
    if state == "ok":
        return index
    log.warning("search index in %s is %s: %s", folder, state,
                "rebuilding" if rebuild_source is not None else "starting empty")
    if state == "locked":
        index.break_stale_lock()
        if rebuild_source is None:
            return index
    index.rebuild(rebuild_source() if rebuild_source is not None else [], progress)
    return index
