"""kill -9 at a random moment during a scan, a sign-off, a package export and a package import.

Builds the demo workspace once (北湖市, leader 张明 of 宣传组 XC, office 李华), prepares a starting
copy for each operation, and runs the operation as a real process (`python -m review …`) once
without interruption (its reference result and duration). Then, per run: the starting copy is put
back at the same path, the operation is started, and its whole process group (the program and its
worker processes, as a power cut or a kill from the task manager would) is killed with SIGKILL after
a random delay within the measured duration. The workspace must then open (`status --json`),
`audit verify` must pass, SQLite's integrity check must pass for the database and every backup, and
no imported package may be current whose folder is incomplete. The same operation is run again: it
must succeed (an import the killed run completed says 已经导入过), leave no `.part`/`.import-*`
behind, and give the reference's result (statuses, search results, package contents).

    .venv/bin/python bench/kill_harness.py [--runs 10] [--seed 1] [--work DIR] [--out bench/out/kill_harness.md]

Counts per operation go to the table printed and written to --out.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LEADER, OFFICE, PASSWORD = "张明", "李华", "demo2026"
GROUP, GROUP_NAME = "XC", "宣传组"
QUERIES = ("理论学习", "公益广告", "志愿服务 台账", "新增 巡查")
TIMEOUT_S = 600
PACKAGE = "宣传组.mrpkg"


def cli(ws: Path, user: str | None, *argv: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(_command(ws, user, argv), capture_output=True, text=True, env=_env(),
                          stdin=subprocess.DEVNULL, timeout=TIMEOUT_S)
    if check and done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} → {done.returncode}: {done.stderr.strip()[-600:]}")
    return done


def _command(ws: Path, user: str | None, argv: tuple[str, ...]) -> list[str]:
    return [sys.executable, "-m", "review", "-w", str(ws), *(["--user", user] if user else []), *argv]


def _env() -> dict[str, str]:
    return {**os.environ, "MATERIALS_REVIEW_PASSWORD": PASSWORD, "PYTHONPATH": str(REPO)}


@dataclass
class Operation:
    """One operation on one workspace, started from a snapshot restored at `ws`."""
    name: str
    ws: Path
    snapshot: Path
    user: str
    argv: tuple[str, ...]
    result: Callable[[], object]  # what must equal the uninterrupted run's
    already_done: str = ""  # a rerun message that also counts as success (the killed run completed)
    extra_dirs: tuple[Path, ...] = ()  # folders outside the workspace the operation writes (the USB stick)

    def restore(self) -> None:
        for folder in (self.ws, *self.extra_dirs):
            shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(self.snapshot, self.ws, symlinks=True)
        for folder in self.extra_dirs:
            folder.mkdir(parents=True)

    def start(self) -> subprocess.Popen[str]:
        return subprocess.Popen(_command(self.ws, self.user, self.argv), stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=_env(),
                                start_new_session=True)


@dataclass
class Tally:
    runs: int = 0
    killed: int = 0  # still running when the signal came
    finished_first: int = 0  # done before the random moment
    consistent: int = 0
    failures: list[str] = field(default_factory=list)
    duration_s: float = 0.0


# --- the workspace states -------------------------------------------------------------------------

def prepare(work: Path) -> dict[str, Operation]:
    """The four operations, from the starting snapshots in `work` (built first unless `work` already
    has them from an earlier run: `ready.json`)."""
    ready = work / "ready.json"
    if not ready.exists():
        ready.write_text(json.dumps(build_snapshots(work), ensure_ascii=False), encoding="utf-8")
    exceptions = json.loads(ready.read_text(encoding="utf-8"))["exceptions"]
    leader_ws, office_ws, usb, snaps = work / "leader", work / "office", work / "usb", work / "snapshots"
    materials = leader_ws / "materials" / GROUP_NAME
    return {
        "scan": Operation("扫描（含文字识别）", leader_ws, snaps / "scan", LEADER, ("scan", GROUP, str(materials)),
                          lambda: (group_status(leader_ws, LEADER), _without_times(searches(leader_ws, LEADER)))),
        "signoff": Operation("签字确认", leader_ws, snaps / "signoff", LEADER, ("signoff", GROUP, *exceptions),
                             lambda: _signed_once_or_twice(group_status(leader_ws, LEADER))),
        "export": Operation("导出材料包", leader_ws, snaps / "export", LEADER,
                            ("package", "export", GROUP, str(usb), "--force"), lambda: package_contents(usb),
                            extra_dirs=(usb,)),
        "import": Operation("导入材料包", office_ws, snaps / "import", OFFICE,
                            ("package", "import", str(work / PACKAGE), "--create-group"),
                            lambda: _without_times((full_status(office_ws, OFFICE), searches(office_ws, OFFICE))),
                            already_done="已经导入过"),
    }


def build_snapshots(work: Path) -> dict[str, list[str]]:
    """Build the demo and each operation's starting copy; returns the sign-off's --exception options."""
    sys.path.insert(0, str(REPO))
    from demo.build import build_demo
    from demo.images import write_photo

    leader_ws, office_ws, usb, snaps = work / "leader", work / "office", work / "usb", work / "snapshots"
    for folder in (leader_ws, office_ws, usb, snaps):
        shutil.rmtree(folder, ignore_errors=True)
    snaps.mkdir(parents=True)
    print("生成演示工作区 …", flush=True)
    build_demo(leader_ws)
    materials = leader_ws / "materials" / GROUP_NAME
    cli(leader_ws, LEADER, "scan", GROUP, str(materials))  # the demo's photos are read (OCR) here
    snapshot(leader_ws, snaps / "scanned")

    # scan: new photos (OCR) and a new text file since the last scan
    new = materials / "Ⅲ-18-2) 主要媒体按比例刊播公益广告"
    for n, day in enumerate((3, 9, 17), start=1):
        write_photo(new / f"新增巡查照片{n} 2026年4月{day}日.jpg", rng=random.Random(100 + n), area="宣传",
                    caption=f"2026年4月{day}日 北湖市火车站广场 公益广告新增巡查第{n}次",
                    taken=datetime(2026, 4, day, 10, 0))
    (new / "新增巡查说明.txt").write_text("北湖市2026年4月开展公益广告新增巡查三次，覆盖火车站广场。", encoding="utf-8")
    snapshot(leader_ws, snaps / "scan")

    # sign-off: every 必须修改 finding waived, every standard with files approved, the rest exceptions
    restore(snaps / "scanned", leader_ws)
    findings = json.loads(cli(leader_ws, LEADER, "check", "--group", GROUP, "--json").stdout)["findings"]
    for finding in findings:
        if finding["severity"] == "must" and not finding["waived"]:
            cli(leader_ws, LEADER, "waive", GROUP, finding["short_id"], "--reason", "演示：已核实，按原件报送")
    exceptions = []
    for item in group_status(leader_ws, LEADER)["items"]:
        if item["files"]:
            cli(leader_ws, LEADER, "review", "approve", item["code"])
        else:
            exceptions += ["--exception", f"{item['code']}=演示：本组暂无此项材料"]
    snapshot(leader_ws, snaps / "signoff")

    # export: from the signed workspace; the package and the leader's key go to the office
    cli(leader_ws, LEADER, "signoff", GROUP, *exceptions)
    snapshot(leader_ws, snaps / "export")
    usb.mkdir()
    cli(leader_ws, LEADER, "package", "export", GROUP, str(usb))
    shutil.copy2(next(usb.glob("*.mrpkg")), work / PACKAGE)
    key = work / "张明公钥.json"
    cli(leader_ws, LEADER, "key", "export", str(key))

    # import: a fresh office workspace that knows the leader's key
    cli(office_ws, None, "init", str(office_ws), "--city", "北湖市", "--year", "2026", "--start", "2026-08-01",
        "--admin", OFFICE)
    cli(office_ws, OFFICE, "key", "import", str(key), "--create-group")
    snapshot(office_ws, snaps / "import")
    return {"exceptions": exceptions}


def snapshot(ws: Path, to: Path) -> None:
    shutil.rmtree(to, ignore_errors=True)
    shutil.copytree(ws, to, symlinks=True)


def restore(snap: Path, ws: Path) -> None:
    shutil.rmtree(ws, ignore_errors=True)
    shutil.copytree(snap, ws, symlinks=True)


# --- results compared with the uninterrupted run --------------------------------------------------

def full_status(ws: Path, user: str) -> dict:
    return json.loads(cli(ws, user, "status", "--json").stdout)


def group_status(ws: Path, user: str) -> dict:
    return next(g for g in full_status(ws, user)["groups"] if g["code"] == GROUP)


def searches(ws: Path, user: str) -> dict[str, object]:
    return {q: json.loads(cli(ws, user, "search", q, "--limit", "0", "--json").stdout) for q in QUERIES}


def _signed_once_or_twice(status: dict) -> object:
    """The group's status after a sign-off. When the killed run had already committed its sign-off,
    the rerun signs again: version 2 instead of 1, everything else the same."""
    signoff = status["signoff"]
    if signoff["version"] not in (1, 2):
        raise RuntimeError(f"签字版本为 {signoff['version']}（应为 1，或被杀掉的那次已签好时为 2）")
    return _without_times({**status, "signoff": {**signoff, "version": "1 或 2"}})


def _without_times(value: object) -> object:
    """Drop the moments (signed_at, imported_at …) that differ between any two runs."""
    if isinstance(value, dict):
        return {k: _without_times(v) for k, v in value.items() if not k.endswith(("_at", "elapsed_s", "elapsed_ms"))}
    if isinstance(value, (list, tuple)):
        return [_without_times(v) for v in value]
    return value


def package_contents(usb: Path) -> dict[str, object]:
    """The files on the stick and each package's members with their CRC (package.json aside: it holds
    the export's time); every member must read back intact."""
    files = sorted(p.name for p in usb.iterdir())
    members = {}
    for path in sorted(usb.glob("*.mrpkg")):
        with zipfile.ZipFile(path) as zf:
            if zf.testzip() is not None:
                raise RuntimeError(f"{path.name} 中有损坏的成员 {zf.testzip()}")
            members[path.name] = sorted((i.filename, i.CRC) for i in zf.infolist() if i.filename != "package.json")
    return {"files": files, "members": members}


# --- the checks after a kill ----------------------------------------------------------------------

def state_problems(op: Operation) -> list[str]:
    """What is wrong with the workspace right after the kill (before anything runs again)."""
    problems = []
    opened = cli(op.ws, op.user, "status", "--json", check=False)
    if opened.returncode != 0:
        problems.append(f"status 失败：{opened.stderr.strip()[-300:]}")
    audit = cli(op.ws, op.user, "audit", "verify", check=False)
    if audit.returncode != 0:
        problems.append(f"audit verify 失败：{(audit.stdout + audit.stderr).strip()[-300:]}")
    for db in [op.ws / "workspace.db", *sorted((op.ws / "backups").glob("*.db"))]:
        verdict = integrity(db)
        if verdict != "ok":
            problems.append(f"{db.name} integrity_check: {verdict}")
    problems += half_imported(op.ws)
    return problems


def integrity(db: Path) -> str:
    try:
        con = sqlite3.connect(db)
        try:
            return str(con.execute("PRAGMA integrity_check").fetchone()[0])
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return f"{exc}"


def half_imported(ws: Path) -> list[str]:
    """A current package whose folder lacks its manifest, signature or any file of its manifest."""
    con = sqlite3.connect(ws / "workspace.db")
    try:
        rows = con.execute("SELECT group_code, folder, manifest FROM imported_packages WHERE is_current").fetchall()
    finally:
        con.close()
    problems = []
    seen: dict[str, int] = {}
    for code, folder, manifest in rows:
        seen[code] = seen.get(code, 0) + 1
        root = ws / folder
        listed = [f["path"] for f in json.loads(manifest).get("files", [])]
        absent = [name for name in ("manifest.json", "signature.sig") if not (root / name).exists()]
        absent += [p for p in listed if not (root / "files" / p).is_file()]
        if absent:
            problems.append(f"当前材料包 {folder} 不完整：缺 {absent[:3]}")
    problems += [f"工作组 {c} 有 {n} 个当前材料包" for c, n in seen.items() if n > 1]
    return problems


def leftovers(op: Operation) -> list[str]:
    found = [*op.ws.glob(".import-*"), *op.ws.rglob("*.part"), *(p for d in op.extra_dirs for p in d.glob("*.part"))]
    found += [p for d in op.extra_dirs for p in d.glob(".*.part")]
    return sorted({str(p.relative_to(p.anchor)) for p in found})


# --- one run --------------------------------------------------------------------------------------

def reference(op: Operation) -> tuple[object, float]:
    op.restore()
    started = time.monotonic()
    process = op.start()
    _, err = process.communicate(timeout=TIMEOUT_S)
    duration = time.monotonic() - started
    if process.returncode != 0:
        raise RuntimeError(f"{op.name} 不中断也失败：{err.strip()[-600:]}")
    return op.result(), duration


def one_run(op: Operation, expected: object, duration: float, rng: random.Random, tally: Tally) -> None:
    tally.runs += 1
    op.restore()
    delay = rng.uniform(0.0, duration)
    process = op.start()
    time.sleep(delay)
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
        tally.killed += 1
    else:
        tally.finished_first += 1
    process.communicate(timeout=TIMEOUT_S)
    _wait_for_group(process.pid)
    where = f"第 {tally.runs} 次（{delay:.2f} 秒时{'杀掉' if process.returncode == -signal.SIGKILL else '已结束'}）"
    problems = state_problems(op)
    again = subprocess.run(_command(op.ws, op.user, op.argv), capture_output=True, text=True, env=_env(),
                           stdin=subprocess.DEVNULL, timeout=TIMEOUT_S)
    if again.returncode != 0 and not (op.already_done and op.already_done in again.stderr):
        problems.append(f"再次运行失败（{again.returncode}）：{again.stderr.strip()[-300:]}")
    problems += [f"再次运行后仍有残留：{p}" for p in leftovers(op)]
    problems += [f"再次运行后：{p}" for p in state_problems(op)]
    try:
        got = op.result()
    except RuntimeError as exc:
        problems.append(f"读取结果失败：{exc}")
    else:
        if got != expected:
            problems.append(f"结果与不中断时不同：{_first_difference(expected, got)}")
    if problems:
        tally.failures.append(f"{where}：" + "；".join(problems))
        keep = op.ws.with_name(f"{op.ws.name}-failed-{op.name}-{tally.runs}")
        shutil.rmtree(keep, ignore_errors=True)
        shutil.copytree(op.ws, keep, symlinks=True)
    else:
        tally.consistent += 1


def _wait_for_group(pgid: int) -> None:
    """Worker processes of the killed group may take a moment to go."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        try:
            os.killpg(pgid, signal.SIGKILL)
        except ProcessLookupError:
            return
        time.sleep(0.05)


def _first_difference(a: object, b: object, path: str = "") -> str:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b), key=str):
            if a.get(key) != b.get(key):
                return _first_difference(a.get(key), b.get(key), f"{path}.{key}")
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        if len(a) != len(b):
            return f"{path}: {len(a)} 项 ≠ {len(b)} 项"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return _first_difference(x, y, f"{path}[{i}]")
    return f"{path}: {str(a)[:120]} ≠ {str(b)[:120]}"


# --- the table ------------------------------------------------------------------------------------

def table(tallies: dict[str, Tally], ops: dict[str, Operation], runs: int, seed: int) -> str:
    lines = [f"# kill -9 harness ({datetime.now():%Y-%m-%d %H:%M}, {runs} runs per operation, seed {seed})", "",
             "| operation | uninterrupted (s) | runs | killed mid-way | finished before the kill | consistent after "
             "| failures |", "|---|---:|---:|---:|---:|---:|---:|"]
    for key, t in tallies.items():
        lines.append(f"| {ops[key].name} | {t.duration_s:.1f} | {t.runs} | {t.killed} | {t.finished_first} | "
                     f"{t.consistent} | {len(t.failures)} |")
    details = [f"- {ops[key].name} {f}" for key, t in tallies.items() for f in t.failures]
    if details:
        lines += ["", "## Failures", "", *details]
    return "\n".join(lines) + "\n"


def run(runs: int, seed: int, work: Path, operations: list[str]) -> tuple[dict[str, Tally], str]:
    rng = random.Random(seed)
    ops = prepare(work)
    tallies: dict[str, Tally] = {}
    for key in operations:
        op = ops[key]
        expected, duration = reference(op)
        tally = tallies[key] = Tally(duration_s=duration)
        for _ in range(runs):
            one_run(op, expected, duration, rng, tally)
            print(f"{op.name}：{tally.runs}/{runs}，一致 {tally.consistent}，失败 {len(tally.failures)}", flush=True)
    return tallies, table(tallies, ops, runs, seed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="kills per operation (default 10)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, help="working folder (default: a temporary one, removed after)")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out" / "kill_harness.md")
    parser.add_argument("--only", action="append", choices=("scan", "signoff", "export", "import"),
                        help="only this operation (repeatable)")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="kill-harness-"))
    tallies, text = run(args.runs, args.seed, work, args.only or ["scan", "signoff", "export", "import"])
    failed = any(t.failures for t in tallies.values())
    if args.work is None and not failed:
        shutil.rmtree(work, ignore_errors=True)
    elif failed:
        print(f"失败的工作区副本留在 {work}（*-failed-*）。")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
