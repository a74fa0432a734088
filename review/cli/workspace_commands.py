"""`init`: create a workspace."""
from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from review.cli.context import Context
from review.errors import UserError
from review.workspace.settings import WorkspaceSettings


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="新建工作区", description="在一个空文件夹中新建工作区。")
    p.add_argument("dir", metavar="DIR", help="工作区文件夹（不存在则新建）")
    p.add_argument("--city", required=True, help="本市名称，例如 北湖市")
    p.add_argument("--year", required=True, type=int, help="创建年度，例如 2026")
    p.add_argument("--start", required=True, help="测评开始日期，例如 2026-08-01")
    p.add_argument("--window", help="材料时间范围，默认“测评开始前1月上溯一个年度”，也可写 2025-08-01至2026-07-31")
    p.add_argument("--manual", default="sample", help="操作手册：sample（内置示例）或 YAML/DOCX 文件")
    p.add_argument("--admin", metavar="NAME", help="同时新建文明办管理员账户（密码交互输入或取自环境变量）")
    p.set_defaults(func=cmd_init)


def parse_day(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise UserError(f"{what}“{text}”无效，请写成 2026-08-01 这样的日期。") from exc


def cmd_init(ctx: Context, args: argparse.Namespace) -> int:
    from review.manual.service import load_manual_into, read_manual
    from review.workspace.date_window import parse_window_rule
    from review.workspace.folder import Workspace

    settings = WorkspaceSettings(city=args.city.strip(), year=args.year, start_date=parse_day(args.start, "测评开始日期"))
    if args.window:
        settings.window = parse_window_rule(args.window)
    if not settings.city:
        raise UserError("本市名称不能为空，例如 --city 北湖市")
    root = Path(args.dir)
    read_manual(args.manual)  # refuse a bad manual before anything is created on disk
    workspace = Workspace.create(root, settings, db_url=args.db_url)
    try:
        summary = load_manual_into(workspace, args.manual)
        if args.admin:
            from review.workspace.accounts import create_first_admin

            create_first_admin(workspace, args.admin)
    finally:
        workspace.close()
    window = settings.date_window()
    ctx.out(f"已新建工作区 {root.resolve()}：{settings.city} {settings.year} 年，测评开始 {settings.start_date}，"
            f"材料时间范围 {window.describe()}。")
    ctx.out(summary)
    return 0
