"""Precision and recall of every check rule on the realistic corpus (tests/corpus/realistic.py).

Builds the corpus into a temporary folder, loads it into a fresh workspace through the real
services (Workspace.create, load_manual_into, add_group / assign_items, scan with OCR when
rapidocr is installed, run_checks, list_findings), then matches the findings to the truth file:

- a finding matches a planted mistake by file (or, for requirement-level rules, the standard)
  and rule; among several entries of that file and rule the one whose text the finding shows wins;
- a finding that matches a clean look-alike (same file, rule and text) is a false alarm;
- a finding of a rule the truth names as also acceptable at that place ("also") counts neither way;
- any other finding at 必须修改 or 建议修改 is a false alarm too (listed for review); other 提示
  findings are only listed.

Prints, and writes as Markdown, a table per rule (planted, found, missed, false alarms, precision,
recall), the overall figures of the rules that exist, the mistakes planted for rules that do not
exist yet (proposed ids), and the lists of misses and false alarms with file and text.

    .venv/bin/python bench/check_accuracy.py [--out bench/out/accuracy.md] [--seed 2026] [--keep DIR]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SERIOUS = ("must", "should")
SEVERITY_NAMES = {"must": "必须修改", "should": "建议修改", "info": "提示"}


@dataclass
class Seen:
    """One finding as the measurement sees it."""

    rule: str
    severity: str
    place: str  # the file relative to the corpus folder, or "item:<code>" for a standard's finding
    item: str
    text: str
    message: str


@dataclass
class Outcome:
    truth: dict[str, Any]
    findings: list[Seen]
    found: dict[str, list[Seen]] = field(default_factory=dict)  # mistake id → findings matched to it
    false_alarms: list[tuple[Seen, str]] = field(default_factory=list)  # finding, why
    accepted: list[tuple[Seen, str]] = field(default_factory=list)  # an "also" rule at a planted place
    info_unlisted: list[Seen] = field(default_factory=list)
    loose: set[int] = field(default_factory=set)  # ids of findings matched by file and rule only
    lookalikes_hit: set[str] = field(default_factory=set)  # look-alikes a rule fired on
    timings: dict[str, float] = field(default_factory=dict)
    ocr: bool = False

    def __repr__(self) -> str:  # short, for test reports
        return (f"Outcome({len(self.findings)} findings, {sum(1 for v in self.found.values() if v)} mistakes found, "
                f"{len(self.false_alarms)} false alarms)")

    @property
    def mistakes(self) -> list[dict[str, Any]]:
        return self.truth["mistakes"]

    def missed(self) -> list[dict[str, Any]]:
        return [m for m in self.mistakes if not self.found.get(m["id"])]


# -- running -------------------------------------------------------------------------------------

def build_and_check(corpus: Path, workspace_dir: Path, *, ocr: bool | None = None) -> tuple[list[Seen], dict[str, float], bool]:
    """Load the corpus at `corpus` (with its truth.json) into a new workspace and check it."""
    from index.ocr import ocr_available
    from review.checking.engine import run_checks
    from review.intake.scan import close_shared_pool, scan
    from review.manual.assignment import assign_items
    from review.manual.service import load_manual_into
    from review.workspace.date_window import parse_window_rule
    from review.workspace.folder import Workspace
    from review.workspace.groups import add_group
    from review.workspace.permissions import LOCAL_USER
    from review.workspace.settings import WorkspaceSettings

    truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    spec = truth["workspace"]
    use_ocr = ocr_available() if ocr is None else ocr
    timings: dict[str, float] = {}
    started = time.monotonic()
    settings = WorkspaceSettings(city=spec["city"], year=spec["year"], start_date=date.fromisoformat(spec["start_date"]),
                                 window=parse_window_rule(spec["window"]), ocr_enabled=use_ocr)
    workspace = Workspace.create(workspace_dir, settings)
    try:
        load_manual_into(workspace, spec["manual"])
        with workspace.session() as session:
            for group in truth["groups"]:
                add_group(session, group["code"], group["name"])
                assign_items(session, group["code"], group["items"], "lead")
        timings["工作区与手册"] = time.monotonic() - started
        mark = time.monotonic()
        for group in truth["groups"]:
            scan(workspace, LOCAL_USER, group["code"], [corpus / group["folder"]], ocr=use_ocr, check=False)
        timings["扫描（含文字识别）" if use_ocr else "扫描"] = time.monotonic() - mark
        mark = time.monotonic()
        run_checks(workspace)
        timings["检查"] = time.monotonic() - mark
    finally:
        workspace.close()
        close_shared_pool()
    return stored_findings(corpus, workspace_dir), timings, use_ocr


def stored_findings(corpus: Path, workspace_dir: Path) -> list[Seen]:
    """The findings a checked workspace holds, placed relative to the corpus folder."""
    from review.checking.findings import list_findings
    from review.workspace.folder import Workspace

    with Workspace.open(workspace_dir) as workspace, workspace.session() as session:
        views = list_findings(session)
    root = os.path.realpath(corpus)
    seen = []
    for v in views:
        place = (os.path.relpath(os.path.realpath(v.file), root).replace(os.sep, "/") if v.file
                 else f"item:{v.item_code}")
        seen.append(Seen(v.rule_id, v.severity, place, v.item_code, v.text or "", v.message or ""))
    return seen


# -- matching ------------------------------------------------------------------------------------

_SPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACE.sub("", text or "")


def _masked_equal(shown: str, real: str) -> bool:
    """A finding shows personal numbers masked (4108**********1234): does it stand for `real`?"""
    if "*" not in shown or not real:
        return False
    pattern = re.escape(shown).replace(r"\*", r"\d")
    return re.fullmatch(pattern, re.sub(r"\D", "", real)) is not None


def score(entry: dict[str, Any], finding: Seen) -> float:
    """How well a finding's shown text points at a truth entry's text (0: not at all)."""
    want, shown, message = _norm(entry["text"]), _norm(finding.text), _norm(finding.message)
    if not want:
        return 0.0
    if shown and (shown == want or _masked_equal(shown, want)):
        return 3.0
    value = 0.0
    if shown and (want in shown or shown in want):
        value = 2.0
    if want in message:
        value += 1.0 if value == 0 else 0.5
    return value


def _place_of(entry: dict[str, Any]) -> str:
    return entry["file"] if entry.get("file") else f"item:{entry['item']}"


def match(truth: dict[str, Any], findings: Iterable[Seen]) -> Outcome:
    outcome = Outcome(truth, list(findings))
    mistakes: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    clean: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    also: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for m in truth["mistakes"]:
        mistakes[(_place_of(m), m["rule"])].append(m)
        for rule in m.get("also") or ():
            also[(_place_of(m), rule)].append(m)
    for c in truth["lookalikes"]:
        clean[(_place_of(c), c["rule"])].append(c)
    for f in outcome.findings:
        key = (f.place, f.rule)
        candidates = [(score(e, f), 1, e) for e in mistakes.get(key, [])] + \
                     [(score(e, f), 0, e) for e in clean.get(key, [])]
        best = max(candidates, key=lambda c: (c[0], c[1]), default=None)
        if best is not None and best[0] > 0:
            if best[1]:
                outcome.found.setdefault(best[2]["id"], []).append(f)
            else:
                outcome.false_alarms.append((f, f"相似写法（{best[2]['id']}）：{best[2]['note']}"))
                outcome.lookalikes_hit.add(best[2]["id"])
            continue
        if mistakes.get(key):  # the right rule on the right file, the shown text aside
            open_ones = [m for m in mistakes[key] if not outcome.found.get(m["id"])]
            target = (open_ones or mistakes[key])[0]
            outcome.found.setdefault(target["id"], []).append(f)
            outcome.loose.add(id(f))
        elif also.get(key):
            outcome.accepted.append((f, f"{also[key][0]['id']} 处也可接受 {f.rule}"))
        elif clean.get(key) and not _norm(f.text):  # a finding about the whole file: the look-alike is the file
            outcome.false_alarms.append((f, f"相似写法（{clean[key][0]['id']}）：{clean[key][0]['note']}"))
            outcome.lookalikes_hit.add(clean[key][0]["id"])
        elif clean.get(key):
            outcome.false_alarms.append((f, f"真值中没有此问题（同文件的相似写法 {clean[key][0]['id']} 另有所指）"))
        elif f.severity in SERIOUS:
            outcome.false_alarms.append((f, "真值中没有此问题"))
        else:
            outcome.info_unlisted.append(f)
    return outcome


# -- figures -------------------------------------------------------------------------------------

@dataclass
class RuleFigures:
    rule: str
    severity: str
    title: str
    exists: bool
    planted: int = 0
    found: int = 0
    false_alarms: int = 0

    @property
    def missed(self) -> int:
        return self.planted - self.found

    @property
    def precision(self) -> float | None:
        total = self.found + self.false_alarms
        return self.found / total if total else None

    @property
    def recall(self) -> float | None:
        return self.found / self.planted if self.planted else None


def _distinct(pairs: Iterable[tuple[Seen, str]]) -> list[tuple[Seen, str]]:
    """One false alarm per rule, place and text (a rule repeating itself on one line counts once)."""
    out: dict[tuple[str, str, str], tuple[Seen, str]] = {}
    for f, why in pairs:
        out.setdefault((f.rule, f.place, _norm(f.text) or _norm(f.message)[:60]), (f, why))
    return list(out.values())


def figures(outcome: Outcome) -> list[RuleFigures]:
    from review.checking.rules.catalogue import RULES

    proposed = outcome.truth.get("proposed_rules", {})
    rows: dict[str, RuleFigures] = {
        rule.id: RuleFigures(rule.id, rule.severity.value, rule.title, True) for rule in RULES.values()}
    for rule_id, meaning in proposed.items():
        rows.setdefault(rule_id, RuleFigures(rule_id, "", meaning, False))
    for m in outcome.mistakes:
        row = rows.setdefault(m["rule"], RuleFigures(m["rule"], "", "", m["rule"] in RULES))
        row.planted += 1
        row.found += 1 if outcome.found.get(m["id"]) else 0
    for f, _why in _distinct(outcome.false_alarms):
        rows.setdefault(f.rule, RuleFigures(f.rule, f.severity, "", True)).false_alarms += 1
    return list(rows.values())


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def report(outcome: Outcome) -> str:
    rows = figures(outcome)
    existing = [r for r in rows if r.exists]
    proposed = [r for r in rows if not r.exists]
    truth = outcome.truth
    lines = ["# 检查规则的精确率和召回率（真实感语料）", ""]
    lines.append(f"语料：tests/corpus/realistic.py，种子 {truth['seed']}；{len(truth['files'])} 个文件，"
                 f"埋设问题 {len(truth['mistakes'])} 处（其中现有规则覆盖 {sum(1 for m in truth['mistakes'] if m['covered'])} 处），"
                 f"相似写法 {len(truth['lookalikes'])} 处。工作区：{truth['workspace']['city']}，测评开始 "
                 f"{truth['workspace']['start_date']}，{truth['workspace']['window']}。文字识别："
                 f"{'开' if outcome.ocr else '关（未安装 rapidocr）'}。")
    if outcome.timings:
        lines.append("用时：" + "，".join(f"{k} {v:.1f} 秒" for k, v in outcome.timings.items()) + "。")
    version = _code_version()
    if version:
        lines.append(f"代码：{version}。")
    lines += ["", "## 现有规则", "", "| 规则 | 级别 | 名称 | 埋设 | 命中 | 漏报 | 误报 | 精确率 | 召回率 |",
              "|---|---|---|---:|---:|---:|---:|---:|---:|"]
    for r in existing:
        lines.append(f"| {r.rule} | {SEVERITY_NAMES.get(r.severity, r.severity)} | {r.title} | {r.planted} | {r.found} | "
                     f"{r.missed} | {r.false_alarms} | {_pct(r.precision)} | {_pct(r.recall)} |")
    planted = sum(r.planted for r in existing)
    found = sum(r.found for r in existing)
    alarms = sum(r.false_alarms for r in existing)
    lines += ["", f"**合计（现有规则）**：埋设 {planted}，命中 {found}，漏报 {planted - found}，误报 {alarms}，"
                  f"精确率 {_pct(found / (found + alarms) if found + alarms else None)}，"
                  f"召回率 {_pct(found / planted if planted else None)}。"]
    measured = [r for r in existing if r.planted or r.false_alarms]
    below = [r.rule for r in measured if (r.precision is not None and r.precision < 0.95)
             or (r.recall is not None and r.recall < 0.95)]
    lines.append(f"有埋设或有误报的规则 {len(measured)} 条，精确率或召回率低于 0.95 的 {len(below)} 条："
                 f"{'、'.join(below) or '无'}。")
    clean_existing = [c for c in truth["lookalikes"] if c["rule"] not in truth.get("proposed_rules", {})]
    lines.append(f"相似写法（现有规则）{len(clean_existing)} 处，其中被误报 {len(outcome.lookalikes_hit)} 处；"
                 f"其余误报 {sum(1 for _f, why in _distinct(outcome.false_alarms) if not why.startswith('相似写法'))} 处"
                 "是真值中没有列出的地方（见“误报”）。")
    not_planted = [r.rule for r in existing if not r.planted]
    lines.append(f"本语料没有埋设的现有规则：{'、'.join(not_planted) or '无'}。")
    lines += ["", "## 尚无规则的问题（提议的规则编号）", "", "| 提议编号 | 含义 | 埋设 | 漏报 |", "|---|---|---:|---:|"]
    for r in proposed:
        lines.append(f"| {r.rule} | {r.title} | {r.planted} | {r.missed} |")
    lines += ["", "## 漏报", "", "| 编号 | 规则 | 文件或条目 | 文字 | 说明 |", "|---|---|---|---|---|"]
    for m in outcome.missed():
        if m["covered"]:
            lines.append(f"| {m['id']} | {m['rule']} | {_place_of(m)} | {m['text']} | {m['note']} |")
    lines.append("")
    lines.append(f"另有 {sum(1 for m in outcome.missed() if not m['covered'])} 处属于尚无规则的问题（见上表）。")
    lines += ["", "## 误报", "", "| 规则 | 级别 | 文件或条目 | 报出的文字 | 原因 |", "|---|---|---|---|---|"]
    for f, why in sorted(_distinct(outcome.false_alarms), key=lambda p: (p[0].rule, p[0].place)):
        shown = f.text or f.message[:80]
        lines.append(f"| {f.rule} | {SEVERITY_NAMES.get(f.severity, f.severity)} | {f.place} | {_cell(shown)} | {_cell(why)} |")
    lines += ["", "## 命中明细", "", "| 编号 | 规则 | 文件或条目 | 埋设的文字 | 报出的文字 |", "|---|---|---|---|---|"]
    for m in outcome.mistakes:
        for f in outcome.found.get(m["id"], [])[:1]:
            shown = _cell(f.text or f.message[:60]) + ("（按文件和规则匹配，文字不同）" if id(f) in outcome.loose else "")
            lines.append(f"| {m['id']} | {m['rule']} | {_place_of(m)} | {_cell(m['text'])} | {shown} |")
    if outcome.accepted:
        lines += ["", "## 可接受的其他规则（不计命中也不计误报）", ""]
        lines += [f"- {f.rule} {f.place}：{_cell(f.text or f.message[:60])}（{why}）" for f, why in outcome.accepted]
    if outcome.info_unlisted:
        lines += ["", "## 真值中没有的“提示”级发现（不计误报，供核对）", ""]
        lines += [f"- {f.rule} {f.place}：{_cell(f.message[:100])}" for f in outcome.info_unlisted]
    return "\n".join(lines) + "\n"


def _code_version() -> str:
    """The commit the rules were measured at, and whether review/ had uncommitted changes."""
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, timeout=10, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "review", "index"],
                               capture_output=True, text=True, timeout=10, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""
    return f"提交 {commit}" + ("，review/ 或 index/ 有未提交的修改（按工作区中的代码计量）" if dirty else "")


def _cell(text: str) -> str:
    return text.replace("|", "｜").replace("\n", " ")


# -- entry points ----------------------------------------------------------------------------------

def measure(*, seed: int = 2026, keep: Path | None = None, ocr: bool | None = None, reuse: bool = False) -> Outcome:
    """Build the corpus, check it and match; everything in a temporary folder unless `keep` is given.

    With `reuse`, `keep` holds a corpus and workspace of an earlier run: only the matching is done
    again (for work on the truth or the matching, not for figures of changed rules)."""
    from tests.corpus.realistic import build_corpus

    if reuse and keep is not None:
        corpus = Path(keep) / "corpus"
        outcome = match(json.loads((corpus / "truth.json").read_text(encoding="utf-8")),
                        stored_findings(corpus, Path(keep) / "workspace"))
        outcome.ocr = True
        return outcome
    base = Path(tempfile.mkdtemp(prefix="accuracy-")) if keep is None else Path(keep)
    try:
        started = time.monotonic()
        corpus, workspace = base / "corpus", base / "workspace"
        build_corpus(corpus, seed)
        built = time.monotonic() - started
        findings, timings, used_ocr = build_and_check(corpus, workspace, ocr=ocr)
        truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
        outcome = match(truth, findings)
        outcome.timings = {"生成语料": built, **timings, "合计": time.monotonic() - started}
        outcome.ocr = used_ocr
        return outcome
    finally:
        if keep is None:
            shutil.rmtree(base, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Precision and recall of the check rules on the realistic corpus.")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "accuracy.md")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--keep", type=Path, help="build corpus and workspace in this (new) folder and keep them")
    parser.add_argument("--no-ocr", action="store_true", help="scan without OCR even when rapidocr is installed")
    parser.add_argument("--reuse", action="store_true", help="with --keep: match the findings of an earlier run again")
    args = parser.parse_args(argv)
    outcome = measure(seed=args.seed, keep=args.keep, ocr=False if args.no_ocr else None, reuse=args.reuse)
    text = report(outcome)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"写入 {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
