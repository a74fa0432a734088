"""A small real workspace for the review, sign-off, audit and package tests.

Two groups (XC 宣传组 owns Ⅲ-1, CG 城管组 owns Ⅲ-2), an office account, a leader per group and a
clerk. Materials are real files in the workspace folder; the rows a scan would write are created
directly (with the files' real SHA-256) because the scanner is tested elsewhere.
"""
from __future__ import annotations

import atexit
import functools
import hashlib
import io
import shutil
import tempfile
from datetime import date, datetime
from pathlib import Path

import docx
import pymupdf
from PIL import Image, ImageDraw
from sqlalchemy import delete, select

from review.manual.assignment import assign_items
from review.manual.model import manual_from_document
from review.manual.store import store_manual
from review.workspace import passwords
from review.workspace.accounts import create_user
from review.workspace.db.models import Mapping, Material
from review.workspace.folder import Workspace
from review.workspace.groups import add_group, get_group
from review.workspace.permissions import LOCAL_USER
from review.workspace.settings import WorkspaceSettings

PASSWORDS = {"文明办": "office-pass", "张组长": "leader-xc", "李组长": "leader-cg", "王材料员": "clerk-xc"}


def _standard(code: str, title: str, method: str = "材料审核") -> dict[str, object]:
    return {"code": code, "title": title, "methods": [method]}


MANUAL = {
    "title": "测试操作手册",
    "edition": "2026版",
    "projects": [{"code": "Ⅰ-1", "title": "思想道德建设", "indicators": [{"code": "Ⅱ-1", "title": "理论学习", "contents": [
        {"code": "Ⅲ-1", "title": "健全学习制度", "standards": [
            _standard("Ⅲ-1-1)", "制定具体学习计划及实施方案"),
            _standard("Ⅲ-1-2)", "开展专题学习"),
            _standard("Ⅲ-1-3)", "学习场所实景", "实地考察"),
        ]},
        {"code": "Ⅲ-2", "title": "市容环境", "standards": [_standard("Ⅲ-2-1)", "背街小巷整治方案")]},
    ]}]}],
}


def make_workspace(root: Path, db_url: str | None = None) -> Workspace:
    """A fresh copy of the template workspace (built once per test run: password hashing is slow);
    with `db_url` (an empty PostgreSQL database) the template is built there instead."""
    global _template
    if db_url is not None:
        return _build_template(root, db_url)
    if _template is None:
        _template = Path(tempfile.mkdtemp(prefix="review-signoff-template-")) / "ws"
        atexit.register(shutil.rmtree, _template.parent, True)
        _build_template(_template).close()
    shutil.copytree(_template, root)
    return Workspace.open(root)


_template: Path | None = None


def _build_template(root: Path, db_url: str | None = None) -> Workspace:
    workspace = Workspace.create(root, WorkspaceSettings(city="北湖市", year=2026, start_date=date(2026, 8, 1)),
                                 db_url=db_url)
    with workspace.session() as session:
        store_manual(session, manual_from_document(MANUAL), "test")
        add_group(session, "XC", "宣传组")
        add_group(session, "CG", "城管组")
        assign_items(session, "XC", ["Ⅲ-1"])
        assign_items(session, "CG", ["Ⅲ-2"])
    # The stored hash names its scrypt cost, so cheap test accounts verify as quickly as they hash.
    full_cost, passwords.N = passwords.N, 2**10
    try:
        create_user(workspace, LOCAL_USER, "文明办", "office", PASSWORDS["文明办"])
        create_user(workspace, LOCAL_USER, "张组长", "leader", PASSWORDS["张组长"], "XC")
        create_user(workspace, LOCAL_USER, "李组长", "leader", PASSWORDS["李组长"], "CG")
        create_user(workspace, LOCAL_USER, "王材料员", "clerk", PASSWORDS["王材料员"], "XC")
    finally:
        passwords.N = full_cost
    return workspace


def material_root(workspace: Workspace, group_code: str) -> Path:
    return workspace.root / "材料" / group_code


DATE_LINE = "北湖市文明办\n2026年3月5日"  # inside the template's window (2025-08-01 … 2026-07-31)


def real_file(rel_path: str, content: bytes) -> bytes:
    """A real file of the name's format carrying `content` as its text (DOCX, PDF) or colour (JPEG, PNG),
    so the checks see a readable document rather than a damaged one; bytes already in the format,
    and other formats, are kept as given. The same name's format and content give the same bytes."""
    return _real_file(Path(rel_path).suffix.lower(), content)


@functools.cache
def _real_file(suffix: str, content: bytes) -> bytes:
    text = content.decode("utf-8", "replace")
    if suffix == ".docx" and not content.startswith(b"PK"):
        document = docx.Document()
        document.core_properties.created = datetime(2026, 3, 5, 9, 0)
        document.add_paragraph(f"北湖市专题材料：{text}")
        document.add_paragraph(DATE_LINE)
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()
    if suffix == ".pdf" and not content.startswith(b"%PDF"):
        doc = pymupdf.open()
        page = doc.new_page(width=595, height=842)
        page.insert_textbox(pymupdf.Rect(72, 72, 523, 770), f"北湖市专题材料：{text}\n{DATE_LINE}", fontname="china-s",
                            fontsize=12)
        data = doc.tobytes()
        doc.close()
        return data
    if suffix in (".jpg", ".jpeg", ".png") and not content.startswith((b"\xff\xd8\xff", b"\x89PNG")):
        shade = hashlib.sha256(content).digest()
        image = Image.new("RGB", (1600, 1200), tuple(shade[:3]))
        ImageDraw.Draw(image).rectangle((200, 200, 1400, 1000), outline=tuple(shade[3:6]), width=40)
        out = io.BytesIO()
        image.save(out, "JPEG" if suffix != ".png" else "PNG", quality=90)
        return out.getvalue()
    return content


def add_file(workspace: Workspace, group_code: str, rel_path: str, content: bytes, codes: list[str]) -> int:
    """Write a real file (see `real_file`) and record it as a scan would, mapped to `codes`; returns the
    material id."""
    content = real_file(rel_path, content)
    path = material_root(workspace, group_code) / rel_path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    with workspace.session() as session:
        group = get_group(session, group_code)
        material = Material(group_id=group.id, path=str(path), root=str(material_root(workspace, group_code)),
                            rel_path=rel_path, size=len(content), sha256=hashlib.sha256(content).hexdigest(),
                            format=path.suffix.lstrip(".").lower(), status="present")
        material.mappings = [Mapping(item_code=code, created_by="test") for code in codes]
        session.add(material)
        session.flush()
        return material.id


def _material(session, group_code: str, rel_path: str) -> Material:
    group = get_group(session, group_code)
    return session.scalars(select(Material).where(Material.group_id == group.id,
                                                  Material.rel_path == rel_path)).one()


def rewrite_file(workspace: Workspace, group_code: str, rel_path: str, content: bytes) -> None:
    """Change a file's bytes and record the new hash, as a re-scan would."""
    content = real_file(rel_path, content)
    with workspace.session() as session:
        material = _material(session, group_code, rel_path)
        Path(material.path).write_bytes(content)
        material.size, material.sha256 = len(content), hashlib.sha256(content).hexdigest()


def lose_file(workspace: Workspace, group_code: str, rel_path: str) -> None:
    """Delete a file; a re-scan keeps the row with status missing."""
    with workspace.session() as session:
        material = _material(session, group_code, rel_path)
        Path(material.path).unlink()
        material.status = "missing"


def unmap_file(workspace: Workspace, group_code: str, rel_path: str) -> None:
    with workspace.session() as session:
        material = _material(session, group_code, rel_path)
        session.execute(delete(Mapping).where(Mapping.material_id == material.id))
