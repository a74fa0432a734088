"""Shared fixtures: a small manual built in code and a fresh workspace holding it."""
from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from review.manual.model import (
    Content,
    Indicator,
    KindRequirement,
    Manual,
    MaterialRequirement,
    Project,
    Standard,
)
from review.manual.store import store_manual
from review.workspace.folder import Workspace
from review.workspace.settings import WorkspaceSettings


def small_manual(edition: str = "2026") -> Manual:
    """Two projects, three contents, five standards; enough to exercise every level."""
    docs = MaterialRequirement(kinds=[KindRequirement("正式发文", 1), KindRequirement("工作方案", 1)],
                               keywords=["志愿服务"])
    photos = MaterialRequirement(kinds=[KindRequirement("图片", 3)], formats=["jpg", "png", "pdf"],
                                 captions_required=True)
    return Manual(
        title="测试用测评体系", edition=edition,
        projects=[
            Project("Ⅰ-1", "公共文明", [Indicator("Ⅱ-1", "志愿服务", [
                Content("Ⅲ-1", "健全志愿服务制度", [
                    Standard("Ⅲ-1-1)", "制定志愿服务工作方案", ["材料审核"], "符合为A", docs),
                    Standard("Ⅲ-1-2)", "开展志愿服务活动并留存图片", ["材料审核", "实地考察"], "", photos),
                ]),
                Content("Ⅲ-2", "市民满意度", [
                    Standard("Ⅲ-2-1)", "市民对志愿服务满意", ["问卷调查"]),
                ]),
            ])]),
            Project("Ⅰ-2", "城市管理", [Indicator("Ⅱ-2", "市容环境", [
                Content("Ⅲ-3", "背街小巷整治", [
                    Standard("Ⅲ-3-1)", "建立背街小巷整治台账", ["材料审核"], "",
                             MaterialRequirement(kinds=[KindRequirement("台账", 1)], keywords=["背街小巷"])),
                    Standard("Ⅲ-3-2)", "背街小巷路面整洁", ["实地考察"]),
                ]),
            ])]),
        ],
    )


def default_settings() -> WorkspaceSettings:
    return WorkspaceSettings(city="北湖市", year=2026, start_date=date(2026, 8, 1))


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    ws = Workspace.create(tmp_path / "ws", default_settings())
    with ws.session() as session:
        store_manual(session, small_manual(), "tests")
    yield ws
    ws.close()


@pytest.fixture
def unmapped_workspace(workspace: Workspace, tmp_path: Path) -> Workspace:
    """Group XC with three scanned, unmapped files: a 背街小巷 ledger, a volunteer plan, a room log."""
    from review.intake.scan import scan
    from review.manual.assignment import assign_items
    from review.workspace.groups import add_group
    from review.workspace.permissions import LOCAL_USER
    from tests.files import make_docx

    with workspace.session() as session:
        add_group(session, "XC", "宣传组")
        assign_items(session, "XC", ["Ⅲ-1", "Ⅲ-3"])
    root = tmp_path / "待归类"
    root.mkdir()
    make_docx(root / "整治记录.docx", ["东湖区背街小巷整治工作台账", "2026年4月1日 完成背街小巷整治3条"])
    make_docx(root / "招募.docx", ["北湖市志愿服务工作方案", "志愿服务队伍招募与培训"])
    make_docx(root / "杂项.docx", ["会议室使用登记"])
    scan(workspace, LOCAL_USER, "XC", [root], check=False)
    return workspace


# -- the database a test runs on ---------------------------------------------------------------------
@pytest.fixture(scope="session")
def postgres_cluster():
    """A throw-away PostgreSQL server for the whole run (see tests/postgres_server.py)."""
    from tests.postgres_server import Cluster, server_programs

    programs = server_programs()
    if programs is None:
        pytest.skip("PostgreSQL 未安装（apt-get install postgresql）：跳过 PostgreSQL 变体")
    cluster = Cluster(programs)
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request) -> str | None:
    """Runs a test once on SQLite (None: the workspace's own workspace.db) and once on a fresh database
    of the PostgreSQL server. Only the database-touching tests that matter for several PCs use it, so
    the default run does not run the whole suite twice."""
    if request.param == "sqlite":
        return None
    return request.getfixturevalue("postgres_cluster").new_database()
