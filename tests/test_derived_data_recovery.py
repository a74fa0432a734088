"""The extraction cache and the search index are derived data: whatever of them is lost or damaged,
the next scan puts back, so that search and the findings come back exactly as they were."""
from __future__ import annotations

import gzip
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from index.cache import ExtractionCache
from index.search import ENGINES, SearchQuery
from review.checking.engine import run_checks
from review.intake.scan import scan
from review.intake.search import SearchService
from review.manual.assignment import assign_items
from review.progress import ProgressEvent
from review.workspace.db.models import CheckState, FindingRecord, Material
from review.workspace.folder import Workspace
from review.workspace.groups import add_group
from review.workspace.permissions import LOCAL_USER
from tests.files import make_docx, make_text_pdf

QUERIES = ["背街小巷", "志愿服务", "志愿者招募 OR 台账", "2024年"]


@pytest.fixture(params=ENGINES)
def scanned(request: pytest.FixtureRequest, workspace: Workspace, tmp_path: Path) -> tuple[Workspace, Path]:
    workspace.save_settings(workspace.settings().with_value("search_engine", request.param))
    with workspace.session() as session:
        add_group(session, "CG", "城管组")
        assign_items(session, "CG", ["Ⅲ-1", "Ⅲ-3"])
    root = tmp_path / "城管组材料"
    (root / "Ⅲ-3-1) 台账").mkdir(parents=True)
    (root / "Ⅲ-1-1) 方案").mkdir(parents=True)
    make_docx(root / "Ⅲ-3-1) 台账" / "背街小巷整治台账.docx",
              ["北湖市背街小巷整治工作台账", "2024年3月1日 完成整治3条"])  # dated outside the window
    make_text_pdf(root / "Ⅲ-1-1) 方案" / "志愿服务方案.pdf", ["北湖市志愿服务工作方案", "第二页 志愿者招募"])
    make_docx(root / "Ⅲ-1-1) 方案" / "招募通知.docx", ["关于开展志愿服务活动的通知", "XX区志愿者招募"])
    scan(workspace, LOCAL_USER, "CG", [root])
    return workspace, root


def searched(ws: Workspace) -> dict[str, list[tuple[str, str, list[tuple[int, str]]]]]:
    """Every query's hits as a user sees them: title, group, pages with their snippets."""
    with SearchService.open(ws) as service:
        return {q: [(h.title, h.group, [(p.page, p.snippet) for p in h.pages])
                    for h in service.search(SearchQuery(q, limit=0)).hits] for q in QUERIES}


def findings(ws: Workspace) -> list[tuple[str, str, str, str, str]]:
    with ws.session() as session:
        return sorted((f.rule_id, f.item_code, Path(f.file).name, f.message, f.text)
                      for f in session.scalars(select(FindingRecord)))


def findings_from_scratch(ws: Workspace) -> list[tuple[str, str, str, str, str]]:
    """Forget every stored finding and check everything again: only the cache feeds this."""
    with ws.session() as session:
        session.execute(delete(FindingRecord))
        session.execute(delete(CheckState))
    report = run_checks(ws)
    assert report.files_not_extracted == 0
    return findings(ws)


def cache_entries(ws: Workspace) -> list[Path]:
    return sorted(p for p in ws.paths.cache.rglob("*.json.gz") if "ocr" not in p.parts)


def lose_cache(ws: Workspace) -> None:
    shutil.rmtree(ws.paths.cache)


def lose_index(ws: Workspace) -> None:
    shutil.rmtree(ws.paths.search_index)


def truncate_entry(ws: Workspace) -> None:
    entry = cache_entries(ws)[0]
    entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])


def garble_entry(ws: Workspace) -> None:
    entry = cache_entries(ws)[-1]
    data = bytearray(entry.read_bytes())
    data[len(data) // 2] ^= 0xFF
    entry.write_bytes(bytes(data))


@pytest.mark.parametrize(("damage", "extracted"), [
    ([lose_cache, lose_index], 3),
    ([lose_cache], 3),
    ([lose_index], 0),
    ([truncate_entry, lose_index], 1),
    ([garble_entry, lose_index], 1),
], ids=["cache-and-index", "cache", "index", "truncated-entry", "garbled-entry"])
def test_a_rescan_puts_back_what_was_lost(scanned: tuple[Workspace, Path], damage: list[Callable[[Workspace], None]],
                                          extracted: int) -> None:
    ws, root = scanned
    before_search, before_findings = searched(ws), findings(ws)
    assert all(before_search.values()) and before_findings
    for step in damage:
        step(ws)

    events: list[ProgressEvent] = []
    report = scan(ws, LOCAL_USER, "CG", [root], progress=events.append)

    assert report.extracted == extracted, report.summary()
    assert f"提取 {extracted} 个" in report.summary()
    if lose_index in damage:
        assert any(e.phase == "index" for e in events)  # the rebuild shows its progress
    assert searched(ws) == before_search
    assert findings(ws) == before_findings
    assert len(cache_entries(ws)) == 3
    # What was put back is whole: a later rebuild of the index from the cache, and checks from
    # scratch, give the same again.
    lose_index(ws)
    assert searched(ws) == before_search
    assert findings_from_scratch(ws) == before_findings


def test_a_damaged_entry_is_found_by_a_scan_that_reads_everything(scanned: tuple[Workspace, Path]) -> None:
    """An ordinary re-scan only `stat`s the cache; one that hashes every file again (what sign-off,
    its verification and package export do) reads every entry too, and replaces a damaged one."""
    ws, root = scanned
    before_search = searched(ws)
    truncate_entry(ws)
    assert scan(ws, LOCAL_USER, "CG", [root]).extracted == 0
    report = scan(ws, LOCAL_USER, "CG", [root], rehash=True)
    assert report.extracted == 1, report.summary()
    cache = ExtractionCache(ws.paths.cache)
    with ws.session() as session:
        assert all(cache.get(m.sha256 or "") is not None for m in session.scalars(select(Material)))
    lose_index(ws)
    assert searched(ws) == before_search


def test_reading_a_damaged_entry_removes_it(scanned: tuple[Workspace, Path]) -> None:
    ws, _root = scanned
    entry = cache_entries(ws)[0]
    entry.write_bytes(gzip.compress(b"{not json"))
    sha = entry.name.split(".")[0]
    cache = ExtractionCache(ws.paths.cache)
    assert sha in cache
    assert cache.get(sha) is None
    assert sha not in cache
