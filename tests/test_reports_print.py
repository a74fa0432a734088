"""The three reports as they print: laid out by LibreOffice (as on an office PC) and read back from the PDF.

One city, one rendering of the three reports (module scope: LibreOffice takes seconds). Asserts what a
reader of the paper sees: the page's orientation and count, "第 X 页 共 Y 页" on every page, no code or
file name broken over two lines inside a table cell, totals equal to the workspace's figures, and every
exception a leader signs on that leader's sheet.
"""
from __future__ import annotations

import re
from collections import defaultdict

import docx
import pymupdf
import pytest

from index.page_count import renderer
from review.handover.signoff import signed_exception_list, signed_notes
from review.office.consolidation import consolidated_view
from review.office.reports import write_report
from review.office.reports.signoff_sheet import short_hash
from review.workspace.accounts import login
from tests.report_render import render_pdfs
from tests.review_signoff_helpers import PASSWORDS, material_root
from tests.submission_helpers import CG_PDF, WAIVER_REASONS, XC_PLAN, XC_REPORT, build_city

pytestmark = pytest.mark.skipif(renderer() is None, reason="LibreOffice is installed by scripts/system-packages.sh")
KINDS = ("issues", "list", "signoff")
# What must never be split: codes (Ⅲ-1-2), MR-PII-002), formats, hashes, dates, the ASCII runs of file names.
TOKEN = re.compile(r"[A-Za-z0-9Ⅰ-Ⅻ][A-Za-z0-9Ⅰ-Ⅻ\-_.()*]{2,}")


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("print")
    city = build_city(folder / "city")
    try:
        office = login(city.office, "文明办", PASSWORDS["文明办"])
        documents = {kind: write_report(city.office, office, kind, folder / f"{kind}.docx") for kind in KINDS}
        pdfs = dict(zip(KINDS, render_pdfs(list(documents.values()), folder / "pdf"), strict=True))
        view = consolidated_view(city.office)
        sources = {f.path: f.source for g in view.groups for f in g.files}
        docx_pages = render_pdfs([sources[XC_REPORT]], folder / "pages")[0]
        yield {"docx": documents, "pdf": {k: pymupdf.open(p) for k, p in pdfs.items()}, "view": view,
               "pages": {XC_REPORT: pymupdf.open(docx_pages).page_count,
                         XC_PLAN: pymupdf.open(sources[XC_PLAN]).page_count,
                         CG_PDF: pymupdf.open(material_root(city.office, "CG") / CG_PDF).page_count}}
    finally:
        city.close()


def lines(page: pymupdf.Page) -> list[str]:
    """The printed lines of a page, by baseline, left to right, without spaces (LibreOffice spaces
    CJK text with gaps, not space characters); the cells of a table row make one line."""
    by_y: dict[int, list[tuple[float, str]]] = defaultdict(list)
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", ()):
            for span in line["spans"]:
                for char in span["chars"]:
                    by_y[round(char["origin"][1])].append((char["origin"][0], char["c"]))
    return [re.sub(r"\s+", "", "".join(c for _x, c in sorted(chars))).replace("\u2011", "-")
            for _y, chars in sorted(by_y.items())]


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def flat(pdf: pymupdf.Document, pages: range | None = None) -> str:
    """The text of the pages paragraph by paragraph (a table cell's lines together), without spaces."""
    chosen = pages if pages is not None else range(pdf.page_count)
    return "".join(compact(block[4]).replace("\u2011", "-") for i in chosen for block in pdf[i].get_text("blocks"))


def docx_text(path) -> list[str]:
    document = docx.Document(str(path))
    out = [p.text for p in document.paragraphs]
    for table in document.tables:
        seen: dict[int, object] = {}  # the elements kept alive, so their ids stay theirs
        for row in table.rows:
            for cell in row.cells:
                if id(cell._tc) not in seen:  # a merged cell once
                    seen[id(cell._tc)] = cell._tc
                    out.append(cell.text)
    return out


def test_orientation_page_count_and_page_numbers(printed):
    expected = {"issues": (True, 2, 4), "list": (True, 1, 2), "signoff": (False, 2, 4)}
    for kind, (landscape, least, most) in expected.items():
        pdf = printed["pdf"][kind]
        assert least <= pdf.page_count <= most, kind
        for number, page in enumerate(pdf, start=1):
            assert (page.rect.width > page.rect.height) == landscape, (kind, number)
            assert f"第{number}页共{pdf.page_count}页" in lines(page), (kind, number)


def test_no_code_or_file_name_is_split_over_two_lines(printed):
    for kind in KINDS:
        written = "\n".join(docx_text(printed["docx"][kind]))
        tokens = set(TOKEN.findall(written))
        assert "Ⅲ-1-2)" in tokens and any(t.endswith("pdf") for t in tokens), kind
        printed_lines = [line for page in printed["pdf"][kind] for line in lines(page)]
        for token in tokens:
            whole = sum(line.count(token) for line in printed_lines)
            assert whole >= written.count(token), f"{kind}: “{token}” is broken over two lines"


def test_the_issues_list_names_rules_in_words_and_codes_only_in_the_appendix(printed):
    pdf, view = printed["pdf"]["issues"], printed["view"]
    appendix = next(i for i in range(pdf.page_count) if "附：检查规则名称与编号" in flat(pdf, range(i, i + 1)))
    body = flat(pdf, range(appendix))
    rules = {i.rule_id: i.title for g in view.groups for i in g.issues}
    rules |= {w.finding.rule_id: w.finding.title for g in view.groups for w in g.waivers if w.finding}
    assert not re.search(r"MR-[A-Z]+-\d{3}", body)
    assert all(compact(title) in body for title in rules.values())
    rule_rows = lines(pdf[appendix]) + (lines(pdf[appendix + 1]) if appendix + 1 < pdf.page_count else [])
    for code, title in rules.items():
        assert any(r.startswith(compact(title) + code) for r in rule_rows), code
    open_count = sum(len(g.issues) for g in view.groups)
    assert f"一、未解决的问题（{open_count}条）" in body
    assert body.index("一、未解决的问题") < body.index("二、已豁免的问题与例外")
    for reason in (WAIVER_REASONS["MR-PII-002"], "本市无背街小巷整治任务"):
        assert reason in body[body.index("二、已豁免的问题与例外"):]
    assert "配合:会议纪要?.pdf：" not in body  # the fault is told without the file's name again


def test_material_list_totals_are_the_workspace_figures(printed):
    pdf, view = printed["pdf"]["list"], printed["view"]
    pages = printed["pages"]
    text = [r for page in pdf for r in lines(page)]
    total_pages = sum(pages.values())
    files = sum(len(g.files) for g in view.groups)
    standards = sum(len({c for f in g.files for c in f.items}) for g in view.groups)
    assert any(r.startswith(f"合计{standards}条{files}个{total_pages}页") for r in text), text
    for group in view.groups:
        subtotal = sum(pages[f.path] for f in group.files)
        assert any(r.startswith(f"{group.name}（{group.code}）{len({c for f in group.files for c in f.items})}条"
                                f"{len(group.files)}个{subtotal}页") for r in text), group.code
    docx_row = next(r for r in text if "DOCX" in r)
    assert f"DOCX{pages[XC_REPORT]}" in docx_row  # a Word document's pages, laid out
    body = flat(pdf)
    assert body.count("Ⅲ-2-1)") == 1 and "本市无背街小巷整治任务" in body  # missing once, with the note


def test_signoff_sheet_lists_every_exception_the_leader_signs(printed):
    pdf, view = printed["pdf"]["signoff"], printed["view"]
    sheets: dict[str, str] = {}
    for page in pdf:
        text = flat(pdf, range(page.number, page.number + 1))
        code = next((g.code for g in view.groups if f"{g.name}（{g.code}）" in text), None)
        if code is not None:
            current = code
        sheets[current] = sheets.get(current, "") + text
    assert set(sheets) == {g.code for g in view.groups}
    for group in view.groups:
        sheet = sheets[group.code]
        state = group.state_model
        exceptions = signed_exception_list(state, signed_notes(state))
        assert exceptions and f"签字所涵盖的例外事项（{len(exceptions)}项）" in sheet
        for exception in exceptions:
            assert compact(exception.kind_name) in sheet
            if exception.note:
                assert compact(exception.note) in sheet, exception.describe()
            if exception.finding is not None:
                assert compact(exception.finding.title) in sheet
        assert compact(short_hash(state.signoff.manifest_sha256)) in sheet
        assert compact(short_hash(state.signoff.audit_anchor.hash)) in sheet
        assert group.leader in sheet and "组长（签字）" in sheet and "文明办经办人（签字）" in sheet
