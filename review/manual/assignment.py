"""Which manual items each task group owns, as 牵头 (lead) or 配合 (support): the office's split of the
manual among its groups, typed in, ticked or loaded from a YAML, CSV or XLSX file."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from review.errors import UserError
from review.manual.codes import close_codes
from review.manual.model import Manual
from review.manual.store import current_manual
from review.workspace.db.models import Group, GroupItem
from review.workspace.groups import add_group, get_group

ROLE_NAMES = {"lead": "牵头", "support": "配合"}


def _require_manual(session: Session) -> Manual:
    manual = current_manual(session)
    if manual is None:
        raise UserError("工作区还没有载入操作手册。请先载入操作手册（YAML 文件或 Word 手册），再分配条目。")
    return manual


def assign_items(session: Session, group_code: str, codes: list[str], role: str = "lead") -> list[str]:
    """Assign 测评内容 or 测评标准 codes (as people type them) to a group; returns the codes newly assigned,
    spelt as the manual spells them."""
    if role not in ROLE_NAMES:
        raise UserError(f"分工类型“{role}”无效，只能是 lead（牵头）或 support（配合）。")
    group = get_group(session, group_code)
    manual = _require_manual(session)
    levels = {n.code: n.level for n in manual.nodes()}
    typed, codes = codes, [manual.resolve_code(c) or c for c in codes]  # as people type them: III-1 is Ⅲ-1
    unknown = [t for t, c in zip(typed, codes, strict=True) if c not in levels]
    if unknown:
        assignable = [n.code for n in manual.nodes() if n.level in ("content", "standard")]
        named = [f"{t}（相近的编号：{'、'.join(close)}）" if (close := close_codes(assignable, t)) else t
                 for t in unknown]
        raise UserError(f"操作手册中没有这些条目：{'、'.join(named)}。请对照操作手册核对条目编号。")
    codes = list(dict.fromkeys(codes))
    wrong = [c for c in codes if levels[c] not in ("content", "standard")]
    if wrong:
        raise UserError(f"只能分配测评内容或测评标准，以下编号是更高层级：{'、'.join(wrong)}。")
    existing = {gi.item_code: gi for gi in group.items}
    added = []
    for code in codes:
        if code in existing:
            existing[code].role = role
        else:
            group.items.append(GroupItem(item_code=code, role=role))
            added.append(code)
    session.flush()
    return added


def unassign_items(session: Session, group_code: str, codes: list[str]) -> None:
    group = get_group(session, group_code)
    group.items = [gi for gi in group.items if gi.item_code not in set(codes)]


def group_standard_codes(session: Session, group: Group, manual: Manual | None = None) -> list[str]:
    """The 材料审核 standards a group owns (assignments of a 测评内容 cover its standards)."""
    manual = manual or _require_manual(session)
    out: list[str] = []
    for item in group.items:
        for standard in manual.standards_under(item.item_code):
            if standard.needs_materials and standard.code not in out:
                out.append(standard.code)
    order = {s.code: i for i, s in enumerate(manual.standards())}
    return sorted(out, key=lambda c: order.get(c, 1 << 30))


def load_groups_file(session: Session, path: Path) -> int:
    """Create or update groups and assignments from YAML, CSV or XLSX; returns rows applied.

    YAML: a list of {code, name, lead: [codes], support: [codes]}.
    CSV/XLSX: columns 编号/code, 名称/name, 牵头/lead, 配合/support (codes separated by 、 , ; or spaces).
    """
    rows = _read_group_rows(path)
    for index, row in enumerate(rows, start=1):
        code, name = str(row.get("code") or "").strip(), str(row.get("name") or "").strip()
        if not code or not name:
            raise UserError(f"{path.name} 第 {index} 条缺少工作组编号或名称，请补全后再导入。")
        if session.scalars(select(Group).where(Group.code == code)).first() is None:
            add_group(session, code, name)
        else:
            get_group(session, code).name = name
        for role in ("lead", "support"):
            codes = _split_codes(row.get(role))
            if codes:
                try:
                    assign_items(session, code, codes, role)
                except UserError as exc:
                    raise UserError(f"{path.name} 第 {index} 条（{code}）：{exc.message}") from exc
    return len(rows)


_HEADERS = {"编号": "code", "code": "code", "组别编号": "code", "名称": "name", "name": "name", "工作组": "name",
            "牵头": "lead", "lead": "lead", "牵头条目": "lead", "配合": "support", "support": "support",
            "配合条目": "support"}


def _read_group_rows(path: Path) -> list[dict[str, object]]:
    import yaml  # only for reading a groups file; every read of the assignments imports this module

    suffix = path.suffix.lower()
    try:
        if suffix in (".yaml", ".yml"):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            if isinstance(data, dict):
                data = data.get("groups", [])
            if not isinstance(data, list):
                raise UserError(f"{path.name} 的内容应是工作组列表（每项含 code、name、lead、support）。")
            return [dict(d) for d in data]
        if suffix == ".csv":
            raw = path.read_bytes()
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = raw.decode("gb18030")  # CSV saved by Excel on a Chinese Windows PC
            reader = csv.DictReader(io.StringIO(text))
            return [{_HEADERS.get((k or "").strip(), k): v for k, v in r.items()} for r in reader]
        if suffix == ".xlsx":
            import openpyxl  # only for an XLSX assignment file

            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
            sheet = book.worksheets[0]
            values = list(sheet.iter_rows(values_only=True))
            book.close()
            if not values:
                return []
            header = [_HEADERS.get(str(h or "").strip(), str(h or "")) for h in values[0]]
            return [dict(zip(header, row, strict=False)) for row in values[1:] if any(row)]
    except (OSError, UnicodeError, yaml.YAMLError) as exc:
        raise UserError(f"无法读取工作组文件 {path}：{exc}。请检查文件格式。") from exc
    raise UserError(f"不支持的工作组文件格式：{path.name}。请使用 YAML、CSV 或 XLSX。")


def _split_codes(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    text = str(value)
    for sep in ("、", "，", ",", ";", "；", "\n"):
        text = text.replace(sep, " ")
    return [part for part in text.split() if part]
