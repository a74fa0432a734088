"""Mapping files keeps the search index's item filter in step: the mapping services write it
themselves once their unit of work has committed, opening the index once for a batch of files, and
an action that fails leaves the filter as the mappings are."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import event, select

from index.search import SearchQuery
from review.cli.main import run
from review.errors import UserError
from review.intake.filing import map_paths
from review.intake.mapping import assign, unassign, update_search_items
from review.intake.scan import rescan_known, scan
from review.intake.search import SearchService
from review.manual.assignment import assign_items
from review.workspace.db.models import Material
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
    mapped = assign(scanned, LOCAL_USER, FILES, "Ⅲ-3-1)", group_code="XC")  # as a folder dropped on a requirement
    assert [m.item_code for m in mapped] == ["Ⅲ-3-1)"] * len(FILES)
    assert len(opened) == 1
    assert found_under(scanned, "Ⅲ-3-1)") == FILES

    opened.clear()
    assign(scanned, LOCAL_USER, FILES[:2], "Ⅲ-3-1)", group_code="XC")  # already there: nothing to write
    assert opened == []
    unassign(scanned, LOCAL_USER, FILES[:3], "Ⅲ-3-1)", group_code="XC")
    assert len(opened) == 1
    assert found_under(scanned, "Ⅲ-3-1)") == FILES[3:]


def test_the_filter_is_written_after_the_commit_not_from_a_session_hook(scanned: Workspace, monkeypatch) -> None:
    """The effect is an explicit call after the unit of work: no session carries a commit listener,
    and the index is written when the mappings are already in the database."""
    listened: list[str] = []
    real_listen = event.listen

    def recording_listen(target: object, name: str, *args: object, **kwargs: object) -> None:
        listened.append(name)
        real_listen(target, name, *args, **kwargs)

    monkeypatch.setattr(event, "listen", recording_listen)
    seen_in_database: list[int] = []
    real_set_items = SearchService.set_items

    def checking_set_items(service: SearchService, material_id: int, items) -> None:
        with scanned.session() as session:  # a separate connection sees only what was committed
            codes = [m.item_code for m in session.get(Material, material_id).mappings]
        assert sorted(codes) == sorted(items)
        seen_in_database.append(material_id)
        real_set_items(service, material_id, items)

    monkeypatch.setattr(SearchService, "set_items", checking_set_items)
    assign(scanned, LOCAL_USER, FILES[:4], "Ⅲ-3-1)", group_code="XC")
    assert len(seen_in_database) == 4 and "before_commit" not in listened and "after_commit" not in listened


def test_a_refused_file_leaves_the_search_filter_as_the_mappings_are(scanned: Workspace, monkeypatch) -> None:
    """The action is undone as a whole, so search by item must not find the files mapped before the refusal."""
    opened = count_opens(monkeypatch)
    with pytest.raises(UserError, match=r"工作区中没有文件 不存在\.docx"):
        assign(scanned, LOCAL_USER, [*FILES[:2], "不存在.docx"], "Ⅲ-3-1)", group_code="XC")
    with pytest.raises(UserError, match="不由工作组 XC"):
        assign(scanned, LOCAL_USER, FILES[:2], "Ⅲ-1-1)", group_code="XC")
    assert opened == []  # nothing was committed, so nothing was written
    assert found_under(scanned, "Ⅲ-3-1)") == []

    assign(scanned, LOCAL_USER, FILES[:2], "Ⅲ-3-1)", group_code="XC")
    with pytest.raises(UserError, match="没有归到"):
        unassign(scanned, LOCAL_USER, FILES[:3], "Ⅲ-3-1)", group_code="XC")  # the third never was
    assert found_under(scanned, "Ⅲ-3-1)") == FILES[:2]


def test_dropped_paths_and_the_command_line_update_the_filter(scanned: Workspace, tmp_path: Path,
                                                              monkeypatch, capsys) -> None:
    root = tmp_path / "材料"
    map_paths(scanned, LOCAL_USER, "XC", "Ⅲ-3-1)", [str(root / FILES[0]), str(root / FILES[1])])  # dropped on the desk
    assert found_under(scanned, "Ⅲ-3-1)") == FILES[:2]

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    base = ["-w", str(scanned.root)]
    assert run([*base, "map", FILES[2], "iii-3-1", "--group", "XC"]) == 0
    assert "归到 Ⅲ-3-1)" in capsys.readouterr().out
    assert found_under(scanned, "Ⅲ-3-1)") == FILES[:3]
    assert run([*base, "unmap", FILES[0], "Ⅲ-3-1）"]) == 0
    assert "已取消" in capsys.readouterr().out
    assert found_under(scanned, "Ⅲ-3-1)") == FILES[1:3]
    assert run([*base, "unmap", FILES[0], "Ⅲ-3-1)"]) != 0  # refused: nothing changes
    assert found_under(scanned, "Ⅲ-3-1)") == FILES[1:3]


def test_an_index_that_refuses_the_write_is_repaired_by_the_next_scan(scanned: Workspace, monkeypatch) -> None:
    """The mappings are committed before the index is written; should the write fail, the files are
    marked as not indexed and the group's next scan indexes them again with their items."""
    def refusing(service: SearchService, material_id: int, items) -> None:
        raise OSError("disk full")

    with monkeypatch.context() as patched:
        patched.setattr(SearchService, "set_items", refusing)
        mapped = assign(scanned, LOCAL_USER, FILES[:2], "Ⅲ-3-1)", group_code="XC")
    assert [m.item_code for m in mapped] == ["Ⅲ-3-1)", "Ⅲ-3-1)"]  # the mappings stand
    with scanned.session() as session:
        marked = session.scalars(select(Material.rel_path).where(Material.indexed_sha256.is_(None))).all()
    assert sorted(marked) == FILES[:2]
    rescan_known(scanned, LOCAL_USER, "XC")
    assert found_under(scanned, "Ⅲ-3-1)") == FILES[:2]
    opened = count_opens(monkeypatch)
    with scanned.session() as session:
        every = session.scalars(select(Material.id)).all()
    update_search_items(scanned, [])
    update_search_items(scanned, every)  # as the mappings are: the same filter again, in one open
    assert len(opened) == 1 and found_under(scanned, "Ⅲ-3-1)") == FILES[:2]
