"""The workspace chooses the search engine; whatever goes wrong in the index reaches the user in Chinese."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from index.search import SearchIndex, SearchQuery, WhooshSearchIndex
from index.search.whoosh_engine import WHOOSH_DIR
from review.errors import UserError
from review.intake.scan import scan
from review.intake.search import SearchService, search
from review.manual.assignment import assign_items
from review.workspace.folder import Workspace
from review.workspace.groups import add_group
from review.workspace.permissions import LOCAL_USER
from tests.files import make_docx


@pytest.fixture
def scanned(workspace: Workspace, tmp_path: Path) -> Workspace:
    with workspace.session() as session:
        add_group(session, "CG", "城管组")
        assign_items(session, "CG", ["Ⅲ-1"])
    folder = tmp_path / "城管组材料"
    folder.mkdir()
    make_docx(folder / "背街小巷整治台账.docx", ["北湖市背街小巷整治工作台账", "门前三包责任制"])
    scan(workspace, LOCAL_USER, "CG", [folder])
    return workspace


def set_engine(workspace: Workspace, text: str) -> None:
    workspace.save_settings(workspace.settings().with_value("search_engine", text))


def found(workspace: Workspace, text: str) -> list[str]:
    return [hit.title for hit in search(workspace, text, limit=0).hits]


def test_whoosh_is_the_default_and_switching_engines_rebuilds_the_index(scanned: Workspace) -> None:
    index_folder = scanned.paths.search_index
    assert scanned.settings().search_engine == "whoosh"
    assert (index_folder / WHOOSH_DIR).is_dir()
    assert found(scanned, "门前三包") == ["背街小巷整治台账.docx"]

    set_engine(scanned, " SQLite ")
    assert scanned.settings().search_engine == "sqlite"
    with SearchService.open(scanned) as service:
        assert type(service.index) is SearchIndex
        assert [h.title for h in service.search(SearchQuery("门前三包")).hits] == ["背街小巷整治台账.docx"]
    assert not (index_folder / WHOOSH_DIR).exists()

    set_engine(scanned, "whoosh")
    with SearchService.open(scanned) as service:
        assert type(service.index) is WhooshSearchIndex
    assert found(scanned, "整治工作台账") == ["背街小巷整治台账.docx"]


def test_other_engine_names_are_refused_with_the_choices(workspace: Workspace) -> None:
    with pytest.raises(UserError, match="搜索引擎“lucene”无效：请填 whoosh 或 sqlite"):
        workspace.settings().with_value("search_engine", "lucene")
    labels = {key: label for key, label, _ in workspace.settings().describe()}
    assert labels["search_engine"] == "搜索引擎（whoosh 或 sqlite）"


def test_an_engine_this_version_does_not_know_is_a_user_error(scanned: Workspace) -> None:
    # e.g. a workspace last opened by a newer version of the program
    scanned.save_settings(dataclasses.replace(scanned.settings(), search_engine="tantivy"))
    with pytest.raises(UserError, match="未知的搜索引擎“tantivy”"):
        found(scanned, "门前三包")


def test_a_broken_index_while_searching_is_a_user_error_not_a_traceback(scanned: Workspace) -> None:
    segments = list((scanned.paths.search_index / WHOOSH_DIR).glob("MAIN_*.*"))  # terms, postings, columns
    assert segments
    for segment in segments:
        segment.write_bytes(b"\x07" * segment.stat().st_size)
    service = SearchService(scanned, WhooshSearchIndex(scanned.paths.search_index, lambda _doc_id: None))
    with pytest.raises(UserError, match=r"搜索索引无法读取.*请重新打开工作区"):
        service.search(SearchQuery("门前三包"))
    service.close()
    assert found(scanned, "门前三包") == ["背街小巷整治台账.docx"]  # opening again rebuilt it
