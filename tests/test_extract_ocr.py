"""OCR as a separate, cached phase: scanned pages and photos get text marked as OCR-derived."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

import index.ocr as ocr_module
from index.cache import ExtractionCache
from index.extract import extract_file
from index.ocr import ocr_available, ocr_extraction
from tests.files import make_multipage_tiff, make_scanned_pdf, make_text_image

SHA = "5ca1" * 16
needs_engine = pytest.mark.skipif(not ocr_available(), reason="rapidocr-onnxruntime is not installed")


@pytest.fixture
def engine_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts calls into the OCR engine (the real engine still runs)."""
    calls: list[int] = []
    real = ocr_module._run_engine

    def counting(image: bytes):
        calls.append(len(image))
        return real(image)

    monkeypatch.setattr(ocr_module, "_run_engine", counting)
    return calls


@pytest.mark.ocr
@needs_engine
def test_scanned_pdf_is_read_by_ocr_once_then_from_the_cache(tmp_path: Path, engine_calls: list[int]) -> None:
    path = make_scanned_pdf(tmp_path / "扫描件.pdf", ["背街小巷整治台账"], height=150)
    cache = ExtractionCache(tmp_path / "cache")
    fast = extract_file(path, SHA, ocr=False)
    assert fast.facts["needs_ocr_pages"] == [1] and engine_calls == []

    progress: list[tuple[int, int]] = []
    done = ocr_extraction(fast, path, cache, progress=lambda d, t: progress.append((d, t)))
    page = done.pages[0]
    assert "背街小巷整治台账" in page.text.replace(" ", "")
    assert page.ocr and page.ocr_confidence is not None and page.ocr_confidence > 0.8
    ocr_blocks = [b for b in page.blocks if b.source == "ocr"]
    assert ocr_blocks and all(b.confidence is not None and b.bbox for b in ocr_blocks)
    assert 50 < ocr_blocks[0].bbox[0] < 150  # PDF points: the text starts about an inch in
    assert done.facts["needs_ocr_pages"] == [] and done.facts["ocr_pages"] == [1]
    assert progress == [(1, 1)] and len(engine_calls) == 1

    again = extract_file(path, SHA, ocr=True, cache=cache)
    assert len(engine_calls) == 1  # the same page image was not recognised twice
    assert again.pages[0].text == page.text


@pytest.mark.ocr
@needs_engine
def test_image_of_a_document_is_read_by_ocr(tmp_path: Path, engine_calls: list[int]) -> None:
    path = make_text_image(tmp_path / "通知照片.jpg", "全国文明城市创建", fmt="JPEG")
    ex = extract_file(path, SHA, ocr=True)
    assert ex.format == "jpeg" and ex.pages[0].ocr
    assert "全国文明城市创建" in ex.text.replace(" ", "")


@pytest.mark.ocr
@needs_engine
def test_each_page_of_a_multipage_tiff_is_read(tmp_path: Path) -> None:
    ex = extract_file(make_multipage_tiff(tmp_path / "传真.tif", [None, "背街小巷整治台账"]), SHA, ocr=True)
    assert [p.ocr for p in ex.pages] == [True, True]
    assert ex.pages[0].text == "" and "背街小巷整治台账" in ex.pages[1].text.replace(" ", "")


def test_without_the_engine_pages_stay_listed_and_a_problem_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_module, "ocr_available", lambda: False)
    path = make_scanned_pdf(tmp_path / "扫描件.pdf", ["第一页", "第二页"])
    ex = ocr_extraction(extract_file(path, SHA), path, None)
    assert ex.facts["needs_ocr_pages"] == [1, 2]
    problem = ex.problem("ocr_unavailable")
    assert problem is not None and "2 页" in problem.message and "请" in problem.message


@pytest.mark.ocr
@pytest.mark.slow
@needs_engine
def test_ocr_runs_inside_memory_limited_workers(tmp_path: Path) -> None:
    """The engine's thread pools reserve much address space: the workers' memory cap must allow it."""
    from index.limits import Limits
    from index.pool import ExtractorPool

    path = make_scanned_pdf(tmp_path / "扫描件.pdf", ["背街小巷整治台账"], height=150)
    with ExtractorPool(workers=1, limits=Limits(timeout_s=180), ocr=True, cache_dir=tmp_path / "cache") as pool:
        [(_item, ex)] = list(pool.submit_many([(path, SHA)]))
    assert not ex.problems and ex.pages[0].ocr
    assert "背街小巷整治台账" in ex.text.replace(" ", "")


def test_an_engine_failure_becomes_a_problem_and_the_page_stays_listed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(image: bytes):
        raise RuntimeError("onnxruntime: bad input")

    monkeypatch.setattr(ocr_module, "ocr_available", lambda: True)
    monkeypatch.setattr(ocr_module, "_run_engine", broken)
    path = make_scanned_pdf(tmp_path / "扫描件.pdf", ["第一页", "第二页"], height=150)
    ex = ocr_extraction(extract_file(path, SHA), path, None)
    assert ex.facts["needs_ocr_pages"] == [1, 2]
    assert ex.problem("ocr_failed").page == 1


def test_a_file_gone_before_ocr_is_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_module, "ocr_available", lambda: True)
    path = make_scanned_pdf(tmp_path / "扫描件.pdf", ["第一页"], height=150)
    ex = extract_file(path, SHA)
    path.unlink()
    ex = ocr_extraction(ex, path, None)
    assert ex.problem("unreadable") is not None and ex.facts["needs_ocr_pages"] == [1]


@pytest.mark.ocr
@needs_engine
def test_the_engine_runs_as_measured_one_thread_small_detector_input_narrowed_lines_one_at_a_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The settings bench/ocr_bench.py chose are the ones the app runs with."""
    engine = ocr_module.load_engine()
    for session in (engine.text_det.infer, engine.text_cls.infer, engine.text_rec.session):
        options = session.session.get_session_options()
        assert (options.intra_op_num_threads, options.inter_op_num_threads) == (1, 1)
        assert not options.enable_cpu_mem_arena
    assert engine.text_rec.rec_batch_num == 1 and engine.text_det.postprocess_op.dilation_kernel is None
    seen: dict[str, list[tuple[int, ...]]] = {"det": [], "cls": [], "rec": []}

    def spy(name: str, real):
        def call(images, *args):
            seen[name].extend([images.shape] if name == "det" else [i.shape for i in images])
            return real(images, *args)
        return call

    for name, attribute in (("det", "text_det"), ("cls", "text_cls"), ("rec", "text_rec")):
        monkeypatch.setattr(engine, attribute, spy(name, getattr(engine, attribute)))
    path = make_scanned_pdf(tmp_path / "扫描件.pdf", ["背街小巷整治台账"])  # A4, rendered at 150 dpi
    ex = ocr_extraction(extract_file(path, SHA), path, None)
    assert "背街小巷整治台账" in ex.text.replace(" ", "")
    assert max(seen["det"][0][:2]) == ocr_module.DET_LONG_SIDE < 1754
    assert len(seen["rec"]) == len(seen["cls"]) >= 1
    for before, after in zip(seen["cls"], seen["rec"], strict=True):
        assert after[0] == before[0] and after[1] == round(before[1] * ocr_module.REC_NARROWING)


@pytest.mark.ocr
@needs_engine
def test_a_page_scanned_upside_down_is_read_in_reading_order() -> None:
    from PIL import Image

    from tests.files import render_text_png

    upright = Image.open(io.BytesIO(render_text_png("第一行：背街小巷整治\n第二行：志愿服务台账", height=300)))
    out = io.BytesIO()
    upright.rotate(180).save(out, "PNG")
    text = ocr_module.ocr_image(out.getvalue()).text.replace(" ", "")
    assert "背街小巷整治" in text and "志愿服务台账" in text
    assert text.index("背街小巷整治") < text.index("志愿服务台账")
