"""Builders of real test files, good and bad, for extraction, checks and ingest tests.

Every builder writes to the path it is given and returns that path, so tests read like
`extract_file(make_text_pdf(tmp_path / "a.pdf", ["第一页"]), ...)`. Keep them small and honest:
they produce what real office software produces, or exactly the damage their name says.
"""
from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile
from collections.abc import Sequence
from pathlib import Path

import docx
import openpyxl
import pymupdf
from docx.shared import Cm
from PIL import Image, ImageDraw

CJK_FONT = "china-s"  # PyMuPDF's built-in simplified-Chinese font

OFFICIAL_TEXT = "关于开展背街小巷环境整治工作的通知。各区县文明办：为巩固全国文明城市创建成果，现就有关事项通知如下。"


# -- PDF -------------------------------------------------------------------------------------------

def make_text_pdf(path: Path, pages: Sequence[str], *, title: str = "", producer: str = "",
                  created: str = "") -> Path:
    """A PDF with a real text layer, one string per A4 page (CJK font); metadata optional.

    `created` is a PDF date such as "D:20240301093000+08'00'".
    """
    doc = pymupdf.open()
    for text in pages:
        page = doc.new_page(width=595, height=842)
        page.insert_textbox(pymupdf.Rect(72, 72, 523, 770), text, fontname=CJK_FONT, fontsize=12)
    meta = dict(doc.metadata or {})
    meta.update({k: v for k, v in (("title", title), ("producer", producer), ("creationDate", created),
                                   ("modDate", created)) if v})
    doc.set_metadata(meta)
    path.write_bytes(doc.tobytes())  # MuPDF itself cannot write to a non-UTF-8 name
    doc.close()
    return path


def render_text_png(text: str, *, width: int = 1240, height: int = 600, fontsize: int = 28) -> bytes:
    """Chinese text drawn by MuPDF and rasterised: a PNG that only OCR can read."""
    doc = pymupdf.open()
    page = doc.new_page(width=width * 72 / 150, height=height * 72 / 150)
    page.insert_textbox(pymupdf.Rect(30, 30, page.rect.width - 30, page.rect.height - 30), text,
                        fontname=CJK_FONT, fontsize=fontsize * 72 / 150)
    png = page.get_pixmap(dpi=150).tobytes("png")
    doc.close()
    return png


def make_scanned_pdf(path: Path, pages: Sequence[str], *, dpi: int = 150, height: float = 842) -> Path:
    """A PDF whose pages (A4 wide; A4 high unless `height` in points says otherwise, a short strip
    keeps OCR tests quick) are only images of Chinese text, no text layer, like a scanner makes."""
    source = pymupdf.open()
    out = pymupdf.open()
    for text in pages:
        page = source.new_page(width=595, height=height)
        page.insert_textbox(pymupdf.Rect(72, 72, 523, height - 20), text, fontname=CJK_FONT, fontsize=16)
        pix = page.get_pixmap(dpi=dpi)
        scan = out.new_page(width=595, height=height)
        scan.insert_image(scan.rect, stream=pix.tobytes("png"))
    out.save(path)
    out.close()
    source.close()
    return path


def make_encrypted_pdf(path: Path, password: str = "secret") -> Path:
    """A PDF that needs a password to open (AES-256)."""
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "confidential", fontsize=12)
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw=password, user_pw=password)
    doc.close()
    return path


def make_many_pages_pdf(path: Path, count: int) -> Path:
    """A PDF of `count` small pages with a line of text each ("page N")."""
    doc = pymupdf.open()
    for n in range(1, count + 1):
        doc.new_page(width=200, height=200).insert_text((20, 40), f"page {n}", fontsize=10)
    doc.save(path)
    doc.close()
    return path


def make_garbled_pdf(path: Path) -> Path:
    """A PDF whose only font has no ToUnicode map and is not embedded (Identity-H, as some old
    typesetting software writes): text extraction yields glyph ids read as characters, i.e. garbage
    such as "⪤◞䋾㷆缆載"."""
    glyph_ids = [0x2AA4, 0x25DE, 0x42FE, 0x3DC6, 0x7F06, 0x8F09, 0x3D54, 0x4128, 0x6652, 0x35C6] * 3
    content = ("BT /F1 16 Tf 72 720 Td <" + "".join(f"{g:04X}" for g in glyph_ids) + "> Tj ET").encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >>"
        b" /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDToGIDMap /Identity /FontDescriptor 7 0 R"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
        b"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -141 1000 859] /ItalicAngle 0"
        b" /Ascent 859 /Descent -141 /CapHeight 859 /StemV 80 >>",
    ]
    out, offsets = b"%PDF-1.7\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(out)
    return path


def make_damaged_pdf(path: Path) -> Path:
    """A text PDF whose cross-reference table is broken (MuPDF can repair it on open)."""
    data = make_text_pdf(path, [OFFICIAL_TEXT]).read_bytes()
    start = data.rindex(b"startxref")
    path.write_bytes(data[:start] + b"startxref\n999999\n%%EOF\n")
    return path


# -- Word ------------------------------------------------------------------------------------------

def make_docx(path: Path, paragraphs: Sequence[str] = (OFFICIAL_TEXT,), *,
              table: Sequence[Sequence[str]] | None = None, after_table: Sequence[str] = (),
              header: str = "", footer: str = "", image_caption: str | None = None,
              with_image: bool = False, title: str = "", author: str = "",
              created: dt.datetime | None = None, heading: str = "") -> Path:
    """A DOCX: an optional "Heading 1" paragraph, paragraphs, then an optional table, then `after_table` paragraphs, then an optional
    photo (with a caption paragraph right after it if `image_caption` is given); header, footer and
    core properties as asked."""
    document = docx.Document()
    if heading:
        document.add_heading(heading, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    for text in after_table:
        document.add_paragraph(text)
    if with_image or image_caption is not None:
        document.add_picture(io.BytesIO(photo_bytes()), width=Cm(4))
        if image_caption is not None:
            document.add_paragraph(image_caption)
    section = document.sections[0]
    if header:
        section.header.paragraphs[0].text = header
    if footer:
        section.footer.paragraphs[0].text = footer
    props = document.core_properties
    props.title, props.author = title, author
    if created:
        props.created = created
    document.save(path)
    return path


def add_text_box(path: Path, text: str) -> Path:
    """Append a paragraph holding a text box with `text`, written as Word does: a DrawingML shape
    with a VML fallback carrying the same text (so a naive reader sees it twice)."""
    from docx.oxml import parse_xml

    document = docx.Document(str(path))
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    content = f'<w:txbxContent xmlns:w="{w}"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>'
    run = parse_xml(
        f'<w:r xmlns:w="{w}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
        f'<mc:Choice Requires="wps"><wps:txbx>{content}</wps:txbx></mc:Choice>'
        f'<mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback>'
        "</mc:AlternateContent></w:r>")
    document.add_paragraph()._p.append(run)
    document.save(str(path))
    return path


def add_content_controls(path: Path, block_text: str, inline_text: str, deleted_text: str = "已删除的文字") -> Path:
    """Append what government templates hold: a block content control (w:sdt) around a paragraph,
    a paragraph with an inline content control, and a tracked deletion that must stay invisible."""
    from docx.oxml import parse_xml

    document = docx.Document(str(path))
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    block = parse_xml(f'<w:sdt xmlns:w="{w}"><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>{block_text}</w:t></w:r>'
                      "</w:p></w:sdtContent></w:sdt>")
    inline = parse_xml(
        f'<w:p xmlns:w="{w}"><w:r><w:t xml:space="preserve">文号：</w:t></w:r><w:sdt><w:sdtPr/><w:sdtContent>'
        f"<w:r><w:t>{inline_text}</w:t></w:r></w:sdtContent></w:sdt>"
        f'<w:del w:id="1" w:author="a"><w:r><w:delText>{deleted_text}</w:delText></w:r></w:del></w:p>')
    section_properties = document.element.body.find(f"{{{w}}}sectPr")
    section_properties.addprevious(block)
    section_properties.addprevious(inline)
    document.save(str(path))
    return path


def make_zip_bomb_docx(path: Path, member_mb: int = 20) -> Path:
    """A valid small DOCX plus one member of `member_mb` MB of zeros (compresses ~1000:1)."""
    make_docx(path, ["正常的一段文字"])
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        chunk = b"\0" * (1024 * 1024)
        with archive.open("word/media/padding.bin", "w", force_zip64=True) as member:
            for _ in range(member_mb):
                member.write(chunk)
    return path


def truncate(path: Path, fraction: float = 0.5) -> Path:
    """Cut the file to `fraction` of its size, like an interrupted copy."""
    data = path.read_bytes()
    path.write_bytes(data[: max(1, int(len(data) * fraction))])
    return path


# -- OLE2 compound files (legacy Office, encrypted OOXML) -------------------------------------------

def ole_bytes(streams: dict[str, bytes]) -> bytes:
    """A minimal but valid OLE2 compound file (512-byte sectors) holding the given streams.

    Streams are padded to 4096 bytes so they live in regular sectors (no mini stream needed).
    """
    ss = 512
    names = sorted(streams, key=lambda n: (len(n), n.upper()))
    datas = [streams[n].ljust(4096, b"\0") for n in names]
    dir_sectors = (len(names) + 1 + 3) // 4
    data_sectors = sum(len(d) // ss + (len(d) % ss > 0) for d in datas)
    fat_sectors = 1
    while fat_sectors * (ss // 4) < fat_sectors + dir_sectors + data_sectors:
        fat_sectors += 1
    end, fat_mark, free = 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    fat = [fat_mark] * fat_sectors
    first_dir = len(fat)
    fat += [first_dir + i + 1 for i in range(dir_sectors - 1)] + [end]
    starts = []
    for d in datas:
        count = len(d) // ss + (len(d) % ss > 0)
        start = len(fat)
        starts.append(start)
        fat += [start + i + 1 for i in range(count - 1)] + [end]
    fat += [free] * (fat_sectors * (ss // 4) - len(fat))

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1)
                + struct.pack("<III", free, right, child) + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
                + struct.pack("<IIxxxx", start, size))

    directory = entry("Root Entry", 5, 1 if names else free, free, end, 0)
    for i, (name, d) in enumerate(zip(names, datas, strict=True)):
        right = i + 2 if i + 1 < len(names) else free  # a chain of right siblings in name order
        directory += entry(name, 2, free, right, starts[i], len(d))
    directory = directory.ljust(dir_sectors * ss, b"\0")
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9)
    struct.pack_into("<H", header, 0x20, 6)
    struct.pack_into("<IIIIIIII", header, 0x2C, fat_sectors, first_dir, 0, 4096, end, 0, end, 0)
    difat = list(range(fat_sectors)) + [free] * (109 - fat_sectors)
    struct.pack_into("<109I", header, 0x4C, *difat)
    body = struct.pack(f"<{len(fat)}I", *fat) + directory + b"".join(datas)
    return bytes(header) + body


def make_legacy_doc(path: Path) -> Path:
    """An OLE file laid out like Word 97-2003 (.doc) or WPS (.wps): WordDocument + 1Table streams."""
    path.write_bytes(ole_bytes({"WordDocument": b"\xec\xa5" + b"\0" * 100, "1Table": b"\0" * 64}))
    return path


def make_legacy_xls(path: Path) -> Path:
    """An OLE file laid out like Excel 97-2003 (.xls): a Workbook stream (content not a real BIFF)."""
    path.write_bytes(ole_bytes({"Workbook": b"\x09\x08" + b"\0" * 100}))
    return path


def make_encrypted_docx(path: Path) -> Path:
    """What Word writes for a password-protected DOCX: an OLE file with EncryptionInfo and
    EncryptedPackage streams (the contents here are placeholders)."""
    path.write_bytes(ole_bytes({"EncryptionInfo": b"\x04\x00\x04\x00" + b"\0" * 60,
                                "EncryptedPackage": b"\0" * 512}))
    return path


# -- Images ----------------------------------------------------------------------------------------

def photo_bytes(*, size: tuple[int, int] = (320, 240), fmt: str = "JPEG", exif: bool = False,
                taken: str = "2024:05:01 09:30:00", dpi: int = 72) -> bytes:
    """A small photo-like image; with `exif`, a camera make/model, DateTimeOriginal and GPS."""
    img = Image.new("RGB", size, (90, 140, 200))
    draw = ImageDraw.Draw(img)
    draw.rectangle((20, 20, size[0] - 20, size[1] - 20), outline=(255, 255, 255), width=4)
    draw.ellipse((60, 60, 140, 140), fill=(240, 200, 60))
    out = io.BytesIO()
    kwargs: dict[str, object] = {"dpi": (dpi, dpi)}
    if exif:
        data = Image.Exif()
        data[0x010F], data[0x0110], data[0x0132] = "Canon", "EOS 200D", taken
        data.get_ifd(0x8769)[0x9003] = taken
        data.get_ifd(0x8825)[1] = "N"
        kwargs["exif"] = data
    img.save(out, fmt, **kwargs)
    return out.getvalue()


def make_photo(path: Path, **kwargs: object) -> Path:
    """A photo file; the format follows `fmt` (default JPEG), not the name (see `photo_bytes`)."""
    path.write_bytes(photo_bytes(**kwargs))  # type: ignore[arg-type]
    return path


def make_text_image(path: Path, text: str, fmt: str = "PNG") -> Path:
    """An image file showing Chinese text (a scanned page saved as an image)."""
    png = render_text_png(text)
    if fmt == "PNG":
        path.write_bytes(png)
    else:
        with Image.open(io.BytesIO(png)) as img:
            img.convert("RGB").save(path, fmt)
    return path


def make_multipage_tiff(path: Path, pages: Sequence[str | None]) -> Path:
    """A multi-page TIFF as scanners write: one frame per entry, showing its Chinese text (None: a
    blank page)."""
    frames = []
    for text in pages:
        if text is None:
            frames.append(Image.new("RGB", (620, 300), "white"))
        else:
            with Image.open(io.BytesIO(render_text_png(text, width=620, height=300))) as img:
                frames.append(img.convert("RGB"))
    frames[0].save(path, "TIFF", save_all=True, append_images=frames[1:], compression="tiff_deflate")
    return path


# -- Spreadsheets ----------------------------------------------------------------------------------

def make_xlsx(path: Path, sheets: dict[str, Sequence[Sequence[object]]]) -> Path:
    """An XLSX with the given sheets of rows (values as Excel stores them)."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    workbook.save(path)
    return path


def make_csv(path: Path, rows: Sequence[Sequence[str]], encoding: str = "gbk") -> Path:
    """A CSV as Excel on a Chinese Windows PC saves it (GBK by default)."""
    text = "\r\n".join(",".join(row) for row in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


# -- OFD -------------------------------------------------------------------------------------------

_OFD_NS = "http://www.ofdspec.org/2016"


def make_ofd(path: Path, pages: Sequence[Sequence[str]], *, sealed: bool = False) -> Path:
    """An OFD (GB/T 33190) file: each page a list of text lines; `sealed` adds an electronic
    seal (Signs/Sign_0/Seal.esl) and its Signatures.xml as signing software does."""
    def xml(body: str) -> str:
        return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}'

    signatures = "<ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures>" if sealed else ""
    members = {
        "OFD.xml": xml(f'<ofd:OFD xmlns:ofd="{_OFD_NS}" Version="1.0" DocType="OFD"><ofd:DocBody>'
                       f"<ofd:DocInfo><ofd:DocID>test</ofd:DocID></ofd:DocInfo>"
                       f"<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>{signatures}</ofd:DocBody></ofd:OFD>"),
        "Doc_0/Document.xml": xml(
            f'<ofd:Document xmlns:ofd="{_OFD_NS}"><ofd:CommonData><ofd:MaxUnitID>99</ofd:MaxUnitID>'
            "<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData>"
            "<ofd:Pages>" + "".join(f'<ofd:Page ID="{i + 1}" BaseLoc="Pages/Page_{i}/Content.xml"/>'
                                     for i in range(len(pages))) + "</ofd:Pages></ofd:Document>"),
    }
    for i, lines in enumerate(pages):
        objects = "".join(
            f'<ofd:TextObject ID="{100 + n}" Boundary="20 {30 + n * 8} 170 7" Font="1" Size="5">'
            f'<ofd:TextCode X="0" Y="5">{line}</ofd:TextCode></ofd:TextObject>'
            for n, line in enumerate(lines))
        members[f"Doc_0/Pages/Page_{i}/Content.xml"] = xml(
            f'<ofd:Page xmlns:ofd="{_OFD_NS}"><ofd:Content><ofd:Layer ID="2">{objects}'
            "</ofd:Layer></ofd:Content></ofd:Page>")
    if sealed:
        members["Doc_0/Signs/Signatures.xml"] = xml(
            f'<ofd:Signatures xmlns:ofd="{_OFD_NS}"><ofd:Signature ID="1" BaseLoc="Sign_0/Signature.xml"/>'
            "</ofd:Signatures>")
        members["Doc_0/Signs/Sign_0/Signature.xml"] = xml(f'<ofd:Signature xmlns:ofd="{_OFD_NS}"/>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text.encode("utf-8"))
        if sealed:
            archive.writestr("Doc_0/Signs/Sign_0/Seal.esl", b"\x30\x82seal-data")
    return path
