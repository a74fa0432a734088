"""Offline Chinese OCR (rapidocr-onnxruntime, an optional extra) as a separate, cached phase.

`extract_file(..., ocr=False)` lists the pages that need OCR in `facts["needs_ocr_pages"]`;
`ocr_extraction` reads them later (in the background, with its own progress). Every page image is
keyed by the SHA-256 of its rendered bytes, so the same page is never recognised twice.
"""
from __future__ import annotations

import hashlib
import importlib.util
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pymupdf
from PIL import Image

from index.cache import ExtractionCache
from index.document import Extraction, Page, Problem, TextBlock
from index.extractors.pdf import open_pdf

OCR_DPI = 150
# OpenCV (inside the engine) decodes these directly; others go through Pillow to PNG first.
_ENGINE_READS = {"jpeg", "png", "bmp", "tiff"}

_engine: Any = None


@dataclass
class OcrLine:
    text: str
    confidence: float
    bbox: tuple[float, float, float, float]  # pixels of the image given to the engine


@dataclass
class OcrResult:
    lines: list[OcrLine] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def confidence(self) -> float | None:
        if not self.lines:
            return None
        return round(sum(line.confidence for line in self.lines) / len(self.lines), 3)

    def to_json(self) -> list[dict[str, Any]]:
        return [{"text": x.text, "confidence": x.confidence, "bbox": list(x.bbox)} for x in self.lines]

    @classmethod
    def from_json(cls, lines: list[dict[str, Any]]) -> OcrResult:
        return cls([OcrLine(x["text"], x["confidence"], tuple(x["bbox"])) for x in lines])


def ocr_available() -> bool:
    """Whether the optional OCR engine is installed (does not load it)."""
    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


def ocr_image(image: bytes) -> OcrResult:
    """Recognise the text in an encoded image (PNG, JPEG, BMP or TIFF bytes)."""
    result = OcrResult()
    for box, text, score in _run_engine(image):
        xs = [float(p[0]) for p in box]
        ys = [float(p[1]) for p in box]
        if text.strip():
            result.lines.append(OcrLine(text.strip(), round(float(score), 3),
                                        (min(xs), min(ys), max(xs), max(ys))))
    return result


# How the engine is run (bench/ocr_bench.py measured each against the engine's defaults on dense
# scanned A4 pages; figures in bench/README.md):
# - one intra-op and one inter-op thread per session: parallelism comes from worker processes
#   (index.pool); ONNX Runtime's own pool spin-waits, costing 1.6x the CPU on a busy 2-core PC;
# - text lines are found on the page scaled to DET_LONG_SIDE pixels (a 150 dpi A4 page is 1754
#   high): a third of the detector's work and half its memory. Without dilating the detector's
#   map: at that size dilation joins closely set lines into one box, and a line is lost;
# - each line is cut from the full-size page, then narrowed to REC_NARROWING of its width before
#   recognition: the recogniser's cost grows faster than the line's width, and a Chinese character
#   half as wide is still read (a third as wide starts losing repeated digits);
# - lines are recognised one at a time (a batch pads every line to the widest, which with the
#   growth above cost 1.5x the CPU for 6 lines and 3.6x for 16).
ENGINE_THREADS = 1
DET_LONG_SIDE = 1056
REC_NARROWING = 0.5
REC_BATCH = 1


def load_engine() -> Any:
    """The process's engine (loading the models takes seconds: once per process)."""
    global _engine
    if _engine is None:
        from rapidocr_onnxruntime import RapidOCR

        # det_limit_side_len 32 (type "min"): the detector takes the size _run_engine gives it.
        _engine = RapidOCR(intra_op_num_threads=ENGINE_THREADS, inter_op_num_threads=ENGINE_THREADS,
                           det_limit_side_len=32, det_limit_type="min", det_donot_use_dilation=True,
                           rec_batch_num=REC_BATCH)
    return _engine


def _run_engine(image: bytes) -> list[Any]:
    """[(box, text, score)] in reading order, as RapidOCR's own call returns them, run as above.

    A page scanned upside down (most lines turned by the angle classifier) is read from its end,
    so its text comes out in reading order.
    """
    import cv2
    import numpy as np

    engine = load_engine()
    img = engine.load_img(image)
    raw_h, raw_w = img.shape[:2]
    img, ratio_h, ratio_w = engine.preprocess(img)
    img, record = engine.maybe_add_letterbox(img, {"preprocess": {"ratio_h": ratio_h, "ratio_w": ratio_w}})
    scale = min(1.0, DET_LONG_SIDE / max(img.shape[:2]))
    small = img if scale == 1.0 else cv2.resize(img, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    boxes, _elapsed = engine.auto_text_det(small)
    if boxes is None:
        return []
    boxes = [np.asarray(box / scale, dtype=np.float32) for box in boxes]
    lines, turned, _elapsed = engine.text_cls(engine.get_crop_img_list(img, boxes))
    lines = [cv2.resize(line, (max(1, round(line.shape[1] * REC_NARROWING)), line.shape[0]),
                        interpolation=cv2.INTER_AREA) for line in lines]
    read, _elapsed = engine.text_rec(lines)
    points = engine._get_origin_points(boxes, record, raw_h, raw_w)
    found = [[box.tolist(), text, score] for box, (text, score, *_rest) in zip(points, read, strict=True)
             if score >= engine.text_score]
    if sum(label == "180" for label, _score in turned) * 2 > len(turned):
        found.reverse()
    return found


def cached_ocr(image: bytes, cache: ExtractionCache | None) -> OcrResult:
    key = hashlib.sha256(image).hexdigest()
    if cache is not None:
        stored = cache.get_ocr(key)
        if stored is not None:
            return OcrResult.from_json(stored)
    result = ocr_image(image)
    if cache is not None:
        cache.put_ocr(key, result.to_json())
    return result


def ocr_extraction(extraction: Extraction, path: str | Path, cache: ExtractionCache | None,
                   progress: Callable[[int, int], None] | None = None) -> Extraction:
    """Fill in the text of the pages listed in facts["needs_ocr_pages"]; returns the same object.

    `progress(done, total)` is called after each page. Without the engine, an `ocr_unavailable`
    problem is recorded and the pages stay listed, so a later run with the engine can do them.
    """
    wanted = list(extraction.facts.get("needs_ocr_pages") or [])
    if not wanted:
        return extraction
    if not ocr_available():
        if extraction.problem("ocr_unavailable") is None:
            extraction.problems.append(Problem(
                "ocr_unavailable",
                f"有 {len(wanted)} 页是图像（扫描件或照片），本机未安装文字识别（OCR）组件，无法读取其中文字。"
                "请安装 OCR 组件，或提交带文字层的 PDF。"))
        return extraction
    render = _page_images(extraction, Path(path))
    if render is None:
        return extraction
    pages = {p.number: p for p in extraction.pages}
    done: list[int] = []
    try:
        for number, image, scale in render(wanted):
            _apply(pages[number], cached_ocr(image, cache), scale)
            done.append(number)
            if progress:
                progress(len(done), len(wanted))
    except OSError:
        extraction.problems.append(Problem(
            "unreadable", "文字识别时文件无法读取（可能已被移动或删除）。请确认文件仍在原处后重新扫描。"))
    except MemoryError:
        raise
    except Exception:  # a page MuPDF cannot render or an image the engine rejects
        failed = wanted[len(done)]  # pages are rendered in the order asked
        extraction.problems.append(Problem(
            "ocr_failed", f"第{failed}页无法进行文字识别，之后的页也未识别。请检查扫描件是否完好，必要时重新扫描后提交。",
            page=failed))
    extraction.facts["needs_ocr_pages"] = [n for n in wanted if n not in done]
    if done:
        extraction.minhash = extraction.masked_minhash = None  # the text has changed; recomputed when stored
    extraction.facts["ocr_pages"] = sorted(set(extraction.facts.get("ocr_pages", [])) | set(done))
    return extraction


PageImages = Callable[[list[int]], Iterator[tuple[int, bytes, float]]]


def _page_images(extraction: Extraction, path: Path) -> PageImages | None:
    """How to render the listed pages: yields (page number, encoded image, points per image pixel)."""
    if extraction.format == "pdf":
        def pdf_pages(numbers: list[int]) -> Iterator[tuple[int, bytes, float]]:
            with open_pdf(path) as doc:
                for number in numbers:
                    pix = doc[number - 1].get_pixmap(dpi=OCR_DPI, colorspace=pymupdf.csGRAY)
                    yield number, pix.tobytes("png"), 72 / OCR_DPI
        return pdf_pages
    if extraction.format in {"jpeg", "png", "bmp", "tiff", "gif", "heic"}:
        def image_pages(numbers: list[int]) -> Iterator[tuple[int, bytes, float]]:
            data = path.read_bytes()
            if extraction.format in _ENGINE_READS and len(extraction.pages) == 1:
                yield 1, data, 1.0
                return
            with Image.open(io.BytesIO(data)) as img:
                for number in numbers:  # pages of a multi-page TIFF, or a format the engine cannot read
                    img.seek(number - 1)
                    out = io.BytesIO()
                    img.convert("RGB").save(out, "PNG")
                    yield number, out.getvalue(), 1.0
        return image_pages
    return None  # OFD pages are not rendered here; they stay listed


def _apply(page: Page, result: OcrResult, scale: float) -> None:
    for line in result.lines:
        x0, y0, x1, y1 = (round(v * scale, 1) for v in line.bbox)
        page.blocks.append(TextBlock(text=line.text, page=page.number, location=f"第{page.number}页（识别）",
                                     bbox=(x0, y0, x1, y1), source="ocr", confidence=line.confidence))
    if result.lines:
        page.text = "\n".join(t for t in (page.text, result.text) if t)
    page.ocr = True
    page.ocr_confidence = result.confidence
