"""The extraction cache: per SHA-256, compressed, atomic, and blind to older extractor versions."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import index.cache as cache_module
from index.cache import ExtractionCache
from index.document import EXTRACTOR_VERSION, Extraction
from index.extract import extract_file
from index.fingerprint import text_minhash
from tests.files import OFFICIAL_TEXT, make_docx, make_text_pdf

SHA = "ab" + "0" * 62


def sample(tmp_path: Path) -> Extraction:
    return extract_file(make_text_pdf(tmp_path / "a.pdf", [OFFICIAL_TEXT, "第二页"]), SHA)


def test_put_then_get_gives_the_same_extraction(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path / "cache")
    ex = sample(tmp_path)
    assert cache.get(SHA) is None and SHA not in cache
    cache.put(ex)
    assert SHA in cache
    assert cache.get(SHA) == ex
    assert cache.get_page_texts(SHA) == [p.text for p in ex.pages]


def test_blocks_keep_their_places_and_the_text_signature_is_stored(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path / "cache")
    ex = sample(tmp_path)
    cache.put(ex)
    back = cache.get(SHA)
    assert back is not None
    assert [(b.text, b.page, b.location, b.bbox) for p in back.pages for b in p.blocks] == \
        [(b.text, b.page, b.location, b.bbox) for p in ex.pages for b in p.blocks]
    assert back.pages[1].blocks[0].page == 2
    assert back.minhash is not None and back.minhash == text_minhash(ex.text)
    # Once the text changes (OCR adds a page's text), the entry written next carries the new signature.
    back.pages[1].text = "识别出的文字：社区志愿服务活动记录"
    cache.put(back)
    again = cache.get(SHA)
    assert again is not None and again.minhash == text_minhash(back.text) != ex.minhash


def test_entries_are_sharded_and_compressed(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path / "cache")
    ex = extract_file(make_docx(tmp_path / "a.docx", [OFFICIAL_TEXT] * 100), SHA)
    cache.put(ex)
    files = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    assert len(files) == 1 and files[0].parent.name == "ab"
    raw = gzip.decompress(files[0].read_bytes())
    assert files[0].stat().st_size * 5 < len(raw)  # repetitive official text compresses well


def test_entries_of_an_older_extractor_are_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = ExtractionCache(tmp_path / "cache")
    cache.put(sample(tmp_path))
    monkeypatch.setattr(cache_module, "EXTRACTOR_VERSION", EXTRACTOR_VERSION + 1)
    assert cache.get(SHA) is None and SHA not in cache and cache.get_page_texts(SHA) is None


def test_a_damaged_entry_is_a_miss_and_is_replaced(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path / "cache")
    ex = sample(tmp_path)
    cache.put(ex)
    entry = next(p for p in (tmp_path / "cache").rglob("*.gz"))
    entry.write_bytes(entry.read_bytes()[:20])
    assert cache.get(SHA) is None
    cache.put(ex)
    assert cache.get(SHA) == ex


def test_a_failed_write_leaves_the_old_entry_and_no_temp_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = ExtractionCache(tmp_path / "cache")
    ex = sample(tmp_path)
    cache.put(ex)

    def crash(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(cache_module.os, "replace", crash)
    changed = Extraction(sha256=SHA, format="pdf", size=1)
    with pytest.raises(OSError):
        cache.put(changed)
    monkeypatch.undo()
    assert cache.get(SHA) == ex
    assert [p.name for p in (tmp_path / "cache").rglob(".tmp-*")] == []


def test_ocr_results_are_stored_by_image_hash(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path / "cache")
    key = "cd" * 32
    lines = [{"text": "背街小巷", "confidence": 0.98, "bbox": [1.0, 2.0, 30.0, 12.0]}]
    assert cache.get_ocr(key) is None
    cache.put_ocr(key, lines)
    assert cache.get_ocr(key) == lines
    assert cache.get(key) is None  # OCR entries and extractions do not mix


def test_keys_must_be_hex_digests(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        ExtractionCache(tmp_path).get("../../etc/passwd")


def test_page_text_is_stored_once_unless_it_differs_from_its_blocks(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path / "cache")
    pdf = sample(tmp_path)
    plain_path = tmp_path / "说明.txt"
    plain_path.write_text("  第一行，前后有空格  \n第二行\n", encoding="utf-8")
    plain = extract_file(plain_path, "cd" + "0" * 62)  # blocks are stripped lines: the page text differs
    for ex in (pdf, plain):
        cache.put(ex)
        assert cache.get(ex.sha256) == ex
        assert cache.get_page_texts(ex.sha256) == [p.text for p in ex.pages]
    stored = json.loads(gzip.decompress(next((tmp_path / "cache" / "ab").glob("*.gz")).read_bytes()))
    assert all(page["text"] is None for page in stored["pages"])  # the PDF's text lives in its blocks
