"""Mapping many files in one action keeps the search index's item filter in step, opening the index once."""
from __future__ import annotations

from pathlib import Path

import pytest

from index.search import SearchQuery
from review.errors import UserError
from review.intake.mapping import assign, find_material, unassign
from review.intake.scan import scan
from review.intake.search import SearchService
from review.manual.assignment import assign_items
from review.workspace.folder import Workspace
from review.workspace.groups import add_group
from review.workspace.permissions import LOCAL_USER
from tests.files import make_docx

FILES = [f"背街小巷台账{n:02}.docx" for n in range(12)]


@pytest.fixture(params=["whoosh", "sqlite"])
def scanned(request: pytest.FixtureRequest, workspace: Workspace, tmp_path: Path) -> Workspace:
    workspace.save_settings(workspace.settings().with_value("search_engine", request.param))
    with workspace.session() as session:
        add_group(session, "XC", "宣传组")
        assign_items(session, "XC", ["Ⅲ-3"])
    root = tmp_path / "材料"
    root.mkdir()
    for name in FILES:
        make_docx(root / name, [f"{name} 背街小巷整治记录"])
    scan(workspace, LOCAL_USER, "XC", [root], check=False)
    return workspace


def found_under(workspace: Workspace, item: str) -> list[str]:
    with SearchService.open(workspace) as service:
        hits = service.search(SearchQuery("背街小巷", items=[item], limit=0)).hits
    return sorted(Path(h.path).name for h in hits)


def count_opens(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    opened: list[int] = []
    real_open = SearchService.open.__func__  # type: ignore[attr-defined]

    def counting_open(cls: type[SearchService], *args: object, **kwargs: object) -> SearchService:
        opened.append(1)
        return real_open(cls, *args, **kwargs)

    monkeypatch.setattr(SearchService, "open", classmethod(counting_open))
    return opened


def test_many_files_mapped_in_one_action_are_found_by_item(scanned: Workspace, monkeypatch) -> None:
    opened = count_opens(monkeypatch)
    with scanned.session() as session:  # as a folder dropped on a requirement maps its files
        for name in FILES:
            assign(session, LOCAL_USER, find_material(session, name, "XC"), "Ⅲ-3-1)")
    assert len(opened) == 1
    assert found_under(scanned, "Ⅲ-3-1)") == FILES

    with scanned.session() as session:
        for name in FILES[:3]:
            unassign(session, LOCAL_USER, find_material(session, name, "XC"), "Ⅲ-3-1)")
    assert found_under(scanned, "Ⅲ-3-1)") == FILES[3:]


def test_a_refused_file_leaves_the_search_filter_as_the_mappings_are(scanned: Workspace) -> None:
    """The action is undone as a whole, so search by item must not find the files mapped before the refusal."""
    with pytest.raises(UserError, match="不由工作组 XC"), scanned.session() as session:
        for name in FILES[:2]:
            assign(session, LOCAL_USER, find_material(session, name, "XC"), "Ⅲ-3-1)")
        assign(session, LOCAL_USER, find_material(session, FILES[2], "XC"), "Ⅲ-1-1)")
    assert found_under(scanned, "Ⅲ-3-1)") == []
