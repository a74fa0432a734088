"""`search QUERY [--group G] [--limit N] [--json]`."""
from __future__ import annotations

import argparse
from datetime import date

from review.cli.context import Context
from review.errors import UserError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "search", help="全文搜索材料",
        description="在全部材料中搜索文字（像 Ctrl+F 一样按原文匹配）。空格表示同时包含；OR 表示任一；"
                    "NOT 或 -词 表示排除；引号内为一个整体。",
    )
    p.add_argument("query", metavar="QUERY", help="要搜索的文字，例如 \"背街小巷 台账\"")
    p.add_argument("--group", help="只搜索一个工作组")
    p.add_argument("--item", action="append", help="只搜索归到该测评标准的文件（可多次使用）")
    p.add_argument("--type", dest="file_types", action="append", help="只搜索该格式（pdf、docx、jpeg …，可多次使用）")
    p.add_argument("--from", dest="date_from", help="材料日期不早于，例如 2025-08-01")
    p.add_argument("--to", dest="date_to", help="材料日期不晚于，例如 2026-07-31")
    p.add_argument("--limit", type=int, default=20, help="最多列出多少个文件（0 = 全部）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_search)


def _day(text: str | None, what: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise UserError(f"{what}“{text}”无效，请写成 2026-08-01 这样的日期。") from exc


def cmd_search(ctx: Context, args: argparse.Namespace) -> int:
    from review.intake.search import search

    if args.limit < 0:
        raise UserError("--limit 不能是负数；0 表示列出全部。")
    args.group = ctx.read_scope(args.group)  # leaders and clerks search their own group's materials
    if args.item:
        from review.manual.store import typed_code

        with ctx.workspace.session() as session:  # as people type them: "III-1-1" is Ⅲ-1-1)
            args.item = [typed_code(session, item) for item in args.item]
    results = search(ctx.workspace, args.query, group=args.group, items=args.item, file_types=args.file_types,
                     date_from=_day(args.date_from, "开始日期"), date_to=_day(args.date_to, "结束日期"),
                     limit=args.limit)
    if args.json:
        ctx.json({
            "query": args.query, "total": results.total, "elapsed_ms": round(results.elapsed_ms, 1),
            "hits": [{
                "path": h.path, "file": h.title, "group": h.group, "items": h.items, "file_type": h.file_type,
                "date": h.date.isoformat() if h.date else None, "score": round(h.score, 4),
                "matched_terms": h.matched_terms,
                "pages": [{"page": p.page, "snippet": p.snippet, "highlights": p.highlights} for p in h.pages],
            } for h in results.hits],
        })
        return 0
    if not results.hits:
        ctx.out(f"没有找到包含“{args.query}”的材料。")
        return 0
    shown = len(results.hits)
    ctx.out(f"找到 {results.total} 个文件" + (f"，列出前 {shown} 个" if shown < results.total else "") + "：")
    for hit in results.hits:
        ctx.out(f"[{hit.group}] {hit.path}")
        for page in hit.pages:
            ctx.out(f"    第{page.page}页：{_marked(page.snippet, page.highlights)}")
    return 0


def _marked(snippet: str, spans: list[tuple[int, int]]) -> str:
    """The snippet with hits in 【】 so they stand out in a terminal."""
    out, last = [], 0
    for start, end in sorted(spans):
        out += [snippet[last:start], "【", snippet[start:end], "】"]
        last = end
    out.append(snippet[last:])
    return "".join(out).replace("\n", " ")
