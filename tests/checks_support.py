"""Building blocks for the rule tests: extractions made directly, file facts, settings."""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from index.document import Extraction, Page, Problem, TextBlock
from review.checking.rules import FileFacts, Finding, RuleConfig, check_file
from review.workspace.settings import WorkspaceSettings

START = date(2026, 8, 1)  # window: 2025-08-01 … 2026-07-31


def settings(**changes: Any) -> WorkspaceSettings:
    base = WorkspaceSettings(city="焦作市", year=2026, start_date=START)
    for key, value in changes.items():
        setattr(base, key, value)
    return base


def extraction(*paragraphs: str, fmt: str = "docx", pages: Sequence[Page] | None = None,
               facts: dict[str, Any] | None = None, problems: Sequence[Problem] = (), seed: str = "") -> Extraction:
    """A DOCX-like extraction (one page, a block per paragraph) unless `pages` are given."""
    if pages is None:
        blocks = [TextBlock(text=p, location=f"第{i}段") for i, p in enumerate(paragraphs, start=1)]
        pages = [Page(1, text="\n".join(paragraphs), blocks=blocks)]
    sha = hashlib.sha256(("\n".join(paragraphs) + fmt + seed).encode()).hexdigest()
    return Extraction(sha256=sha, format=fmt, size=1000, pages=list(pages), facts=dict(facts or {}),
                      problems=list(problems))


def pdf_page(number: int, text: str = "", *, images: int = 0, text_layer: bool = True, ocr: bool = False) -> Page:
    blocks = [TextBlock(text=line, page=number, location=f"第{number}页", bbox=(72.0, 100.0 + 20 * i, 500.0, 115.0 + 20 * i))
              for i, line in enumerate(text.splitlines()) if line]
    return Page(number, text=text, width=595, height=842, has_text_layer=text_layer, image_count=images,
                ocr=ocr, blocks=blocks)


def facts_for(ex: Extraction, name: str = "材料.docx", *, size: int | None = None, group: str = "XC",
              items: tuple[str, ...] = ("Ⅲ-1-1)",), path: str | None = None) -> FileFacts:
    extension = name.rsplit(".", 1)[1].lower() if "." in name else ""
    return FileFacts(path=path or f"/材料/{name}", rel_path=name, name=name, size=ex.size if size is None else size,
                     sha256=ex.sha256, format=ex.format, extension=extension, group=group, item_codes=items)


def run(ex: Extraction, name: str = "材料.docx", cfg: WorkspaceSettings | None = None, **facts: Any) -> list[Finding]:
    cfg = cfg or settings()
    return check_file(facts_for(ex, name, **facts), ex, cfg, RuleConfig.from_settings(cfg))


def of_rule(findings: Sequence[Finding], rule_id: str) -> list[Finding]:
    return [f for f in findings if f.rule_id == rule_id]


def rules(findings: Sequence[Finding]) -> set[str]:
    return {f.rule_id for f in findings}


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
