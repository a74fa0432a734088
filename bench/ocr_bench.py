"""OCR speed, accuracy and memory on dense scanned A4 pages of known Chinese text.

Before (the engine as main ran it until issue 16: RapidOCR's own call, one thread per session)
and after (index.ocr as it is now) read the same pages (bench/ocr_pages.py: 红头, body, table,
落款 and seal; clean, photocopied, skewed, one page upside down), each in a fresh process, through
the app's own path (`index.ocr.ocr_extraction`, pages rendered at 150 dpi). Reported: CPU seconds
per page (user+sys of the OCR process, engine loading apart), character accuracy (1 − edit
distance / length, whitespace dropped, NFKC), peak RSS of the OCR process and the load average.

    .venv/bin/python bench/ocr_bench.py [--docs 4] [--out bench/out/ocr_bench.md]
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import statistics
import subprocess
import sys
import time
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHA = "0c" * 32


def levenshtein(a: str, b: str) -> int:
    """Edit distance (Myers/Hyyrö bit-parallel: one pass over `b` with `a` as a bit vector)."""
    if not a:
        return len(b)
    masks: dict[str, int] = {}
    for i, char in enumerate(a):
        masks[char] = masks.get(char, 0) | (1 << i)
    full, top = (1 << len(a)) - 1, 1 << (len(a) - 1)
    pv, mv, score = full, 0, len(a)
    for char in b:
        eq = masks.get(char, 0)
        xv = eq | mv
        xh = ((((eq & pv) + pv) & full) ^ pv) | eq
        ph = (mv | ~(xh | pv)) & full
        mh = pv & xh
        if ph & top:
            score += 1
        elif mh & top:
            score -= 1
        ph = ((ph << 1) | 1) & full
        mh = (mh << 1) & full
        pv = (mh | ~(xv | ph)) & full
        mv = ph & xv
    return score


def _plain(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def accuracy(truth: str, read: str) -> float:
    want = _plain(truth)
    return max(0.0, 1 - levenshtein(want, _plain(read)) / len(want))


def _main_engine(image: bytes) -> list[Any]:
    """The engine as main ran it before issue 16 (RapidOCR's defaults, one thread per session)."""
    import index.ocr as ocr

    if ocr._engine is None:
        from rapidocr_onnxruntime import RapidOCR

        ocr._engine = RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1)
    found, _elapsed = ocr._engine(image)
    return found or []


def child(config: str, work: Path) -> None:
    """Read every bench document in this process; print one JSON line of figures."""
    import index.ocr as ocr
    from index.extract import extract_file
    from tests.files import render_text_png

    if config == "before":
        ocr._run_engine = _main_engine
    started = time.process_time()
    ocr.ocr_image(render_text_png("预热"))  # loads the models
    load_cpu = time.process_time() - started
    pages: list[dict[str, Any]] = []
    for path in sorted(work.glob("*.pdf")):
        extraction = extract_file(path, SHA)
        marks = [time.process_time()]
        ocr.ocr_extraction(extraction, path, None, progress=lambda _d, _t, marks=marks: marks.append(time.process_time()))
        for page, (begin, end) in zip(extraction.pages, itertools.pairwise(marks), strict=True):
            pages.append({"file": path.name, "page": page.number, "cpu": end - begin, "text": page.text})
    print(json.dumps({"config": config, "load_cpu": load_cpu, "pages": pages,
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}, ensure_ascii=False))


def run(config: str, work: Path) -> dict[str, Any]:
    before = os.getloadavg()[0]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, __file__, "--child", config, "--work", str(work)],
                          capture_output=True, text=True, env=env, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["load"] = (before, os.getloadavg()[0])
    return result


def table(results: list[dict[str, Any]], truth: dict[tuple[str, int], str], conditions: dict[str, str]) -> str:
    rows = ["| | load (1 min, start–end) | engine load CPU | CPU per page: mean / median / max | "
            "accuracy: all pages / upright pages / worst upright | peak RSS |",
            "|---|---|---|---|---|---|"]
    for r in results:
        cpu = [p["cpu"] for p in r["pages"]]
        acc = {(p["file"], p["page"]): accuracy(truth[(p["file"], p["page"])], p["text"]) for p in r["pages"]}
        upright = [a for (name, page), a in acc.items() if not (conditions[name] == "upside-down" and page == 2)]
        rows.append(f"| {r['config']} | {r['load'][0]:.1f}–{r['load'][1]:.1f} | {r['load_cpu']:.2f} s | "
                    f"{statistics.mean(cpu):.2f} / {statistics.median(cpu):.2f} / {max(cpu):.2f} s | "
                    f"{statistics.mean(acc.values()):.2%} / {statistics.mean(upright):.2%} / {min(upright):.2%} | "
                    f"{r['peak_rss_mb']:.0f} MB |")
    rows.append("")
    rows.append("| page | " + " | ".join(f"{r['config']} CPU / accuracy" for r in results) + " |")
    rows.append("|---|" + "---|" * len(results))
    for key in sorted(truth):
        cells = []
        for r in results:
            page = next(p for p in r["pages"] if (p["file"], p["page"]) == key)
            cells.append(f"{page['cpu']:.2f} s / {accuracy(truth[key], page['text']):.2%}")
        rows.append(f"| {key[0]} p{key[1]} ({len(_plain(truth[key]))} chars) | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=4, help="two-page documents (4: one of each condition)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "ocr-bench")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "ocr_bench.md")
    parser.add_argument("--only", choices=("before", "after"))
    parser.add_argument("--child", choices=("before", "after"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.work)
        return
    from bench.ocr_pages import make_bench_documents

    for old in args.work.glob("*.pdf"):
        old.unlink()
    documents = make_bench_documents(args.work, args.docs)
    truth = {(d.path.name, n): text for d in documents for n, text in enumerate(d.pages, start=1)}
    conditions = {d.path.name: d.condition for d in documents}
    results = [run(config, args.work) for config in ("before", "after") if args.only in (None, config)]
    report = table(results, truth, conditions)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(f"# OCR bench ({len(truth)} pages, {os.cpu_count()} cores)\n\n{report}\n", encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
