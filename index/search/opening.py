"""Opening the index the way the application does: whatever state it is in, end up with one that works."""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path

from index.search.model import PageTexts, Progress, SearchDoc, SearchIndexError
from index.search.sqlite_engine import SearchIndex
from index.search.textstore import TextStoreIndex
from index.search.whoosh_engine import WhooshSearchIndex

log = logging.getLogger(__name__)

# The engines by name; "whoosh" is the default (the stack the users chose), "sqlite" the fast one.
ENGINES: tuple[str, ...] = ("whoosh", "sqlite")
_ENGINE_CLASSES: dict[str, type[TextStoreIndex]] = {"whoosh": WhooshSearchIndex, "sqlite": SearchIndex}


def search_index_class(engine: str) -> type[TextStoreIndex]:
    try:
        return _ENGINE_CLASSES[engine]
    except KeyError:
        raise SearchIndexError(
            f"未知的搜索引擎“{engine}”：请在工作区设置中选择 {' 或 '.join(ENGINES)}。") from None


def open_search_index(folder: Path, page_texts: PageTexts,
                      rebuild_source: Callable[[], Iterable[SearchDoc]] | None = None,
                      progress: Progress | None = None, *, lock_timeout: float = 30.0,
                      engine: str = "whoosh") -> TextStoreIndex:
    """A working index in `folder`, served by `engine` (one of ENGINES).

    Missing, corrupt or older-schema indexes, and indexes made by the other engine, are rebuilt
    from `rebuild_source()` (every document the workspace knows), reporting `progress`; without a
    source they start empty. A lock left by a writer that died is broken, and the index rebuilt
    too, since that writer may have stopped half way through.
    """
    index = search_index_class(engine)(folder, page_texts, lock_timeout=lock_timeout)
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
