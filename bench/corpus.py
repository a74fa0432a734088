"""Generates the benchmark corpus: a realistic city's worth of declaration materials.

Default: 2,000 files — half DOCX, half text PDFs of Chinese official-document prose with about
20,000 PDF pages in all — plus scanned-image PDFs and photos. Deterministic for a given seed;
an existing corpus with the same parameters is reused, and an interrupted one is completed.

    python bench/corpus.py OUT [--files 2000] [--pdf-pages 20000] [--scans 20] [--photos 40]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from demo.docx_writer import write_official_docx  # noqa: E402
from demo.images import write_photo  # noqa: E402
from demo.pdf_writer import write_official_pdf, write_scanned_pdf  # noqa: E402
from demo.texts import KINDS, make_docno, make_document  # noqa: E402
from demo.vocabulary import AREAS  # noqa: E402

CITY = "北湖市"


@dataclass(frozen=True)
class CorpusSpec:
    files: int = 2000
    pdf_pages: int = 20000
    scans: int = 20
    photos: int = 40
    seed: int = 2026

    @property
    def text_files(self) -> int:
        return self.files - self.scans - self.photos


def _one(args: tuple[CorpusSpec, int, str]) -> tuple[str, int]:
    spec, index, out = args
    rng = random.Random(spec.seed * 100_003 + index)
    area = rng.choice(list(AREAS))
    kind = rng.choice([k for k in KINDS if k != "台账"] if index % 5 else list(KINDS))
    day = date(2025, 8, 1) + timedelta(days=rng.randint(0, 364))
    docno = make_docno(CITY, "文明办", day.year, rng.randint(1, 180)) if kind == "通知" else None
    doc = make_document(rng, kind, area, CITY, day, docno)
    folder = Path(out) / f"组{index % 8 + 1:02d}" / f"{area}"
    folder.mkdir(parents=True, exist_ok=True)
    text_files = spec.text_files
    pdfs = text_files // 2
    n = index - spec.scans - spec.photos
    if index < spec.scans:
        return _kept(folder / f"scan-{index:05d} {doc.title[:20]}.pdf", 1,
                     lambda p: write_scanned_pdf(p, doc, pages=1))
    if index < spec.scans + spec.photos:
        taken = datetime(day.year, day.month, day.day, 9 + index % 8, 30)
        return _kept(folder / f"photo-{index:05d}.jpg", 0, lambda p: write_photo(
            p, rng=rng, area=area, caption=f"{day:%Y年%m月%d日}，{area}活动现场" if index % 3 else None,
            taken=taken if index % 4 else None))
    if n < pdfs:
        base, extra = divmod(spec.pdf_pages, pdfs)
        pages = max(1, base + (1 if n < extra else 0))
        return _kept(folder / f"pdf-{index:05d} {doc.title[:20]}.pdf", pages,
                     lambda p: write_official_pdf(p, doc, pages=pages))
    return _kept(folder / f"docx-{index:05d} {doc.title[:20]}.docx", 0, lambda p: write_official_docx(p, doc))


def _kept(path: Path, pages: int, write: Callable[[Path], Path]) -> tuple[str, int]:
    """`path`, written unless an earlier, interrupted run already finished it (files are written
    under a temporary name and renamed, so one that exists is whole: a large corpus resumes)."""
    if not path.exists():
        part = path.with_name(f".part-{path.name}")  # the same suffix: the writers go by it
        write(part)
        part.replace(path)
    return str(path), pages


def generate(out: Path, spec: CorpusSpec, workers: int = 2) -> dict[str, object]:
    marker = out / "corpus.json"
    if marker.exists():
        info = json.loads(marker.read_text(encoding="utf-8"))
        if info.get("spec") == asdict(spec):
            return info
    out.mkdir(parents=True, exist_ok=True)
    pages = 0
    with ProcessPoolExecutor(workers) as pool:
        for _path, count in pool.map(_one, [(spec, i, str(out)) for i in range(spec.files)], chunksize=20):
            pages += count
    info = {"spec": asdict(spec), "files": spec.files, "pdf_pages": pages}
    marker.write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
    return info


def main() -> None:
    parser = argparse.ArgumentParser(description="生成基准测试用的申报材料语料")
    parser.add_argument("out", type=Path)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--pdf-pages", type=int, default=20000)
    parser.add_argument("--scans", type=int, default=20)
    parser.add_argument("--photos", type=int, default=40)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    spec = CorpusSpec(args.files, args.pdf_pages, args.scans, args.photos, args.seed)
    print(json.dumps(generate(args.out, spec), ensure_ascii=False))


if __name__ == "__main__":
    main()
