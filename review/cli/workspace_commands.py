"""`init`: create a workspace; `workspace backups|backup|restore`: its database backups."""
from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from review.cli.context import Context
from review.errors import UserError


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

    ws = sub.add_parser("workspace", help="工作区数据库的备份与恢复")
    wsub = ws.add_subparsers(dest="workspace_command", metavar="ACTION", required=True)
    wsub.add_parser("backups", help="列出备份").set_defaults(func=cmd_backups, skip_login=True)
    wsub.add_parser("backup", help="立即备份数据库").set_defaults(func=cmd_backup)
    restore = wsub.add_parser("restore", help="用备份恢复数据库（默认最近的一份）",
                              description="用备份替换工作区数据库。被替换的数据库保留在 backups 文件夹中，不会删除。"
                                          "数据库完好时须以文明办账户登录；数据库丢失或损坏时可直接恢复。")
    restore.add_argument("backup", metavar="BACKUP", nargs="?", help="备份文件名（见 workspace backups），默认最近的一份")
    restore.set_defaults(func=cmd_restore, skip_login=True)


def parse_day(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise UserError(f"{what}“{text}”无效，请写成 2026-08-01 这样的日期。") from exc


def cmd_init(ctx: Context, args: argparse.Namespace) -> int:
    from review.manual.service import load_manual_into, read_manual
    from review.workspace.date_window import parse_window_rule
    from review.workspace.folder import Workspace
    from review.workspace.settings import WorkspaceSettings

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


def cmd_backups(ctx: Context, args: argparse.Namespace) -> int:
    from review.workspace import backups
    from review.workspace.folder import WorkspacePaths

    paths = WorkspacePaths(ctx.workspace_dir.resolve())
    found = backups.restorable(paths.backups)
    if not found:
        ctx.out(f"{paths.backups} 中没有备份。")
    for backup in found:
        ctx.out(backup.describe())
    return 0


def cmd_backup(ctx: Context, args: argparse.Namespace) -> int:
    from review.workspace.permissions import require

    require(ctx.actor, "settings.edit")
    taken = ctx.workspace.backup("manual")
    if taken is None:
        raise UserError("该工作区的数据库在数据库服务器上，请在服务器上备份（例如 pg_dump）。")
    ctx.out(f"已备份数据库：{taken}")
    return 0


def cmd_restore(ctx: Context, args: argparse.Namespace) -> int:
    from review.workspace import backups
    from review.workspace.folder import WorkspacePaths
    from review.workspace.permissions import require
    from review.workspace.restoring import restore_workspace

    paths = WorkspacePaths(ctx.workspace_dir.resolve())
    if not paths.marker.exists():
        raise UserError(f"{paths.root} 不是申报材料审核台的工作区（缺少 workspace.json）。")
    actor_name = None
    if backups.database_problem(paths.db_file) is None:
        require(ctx.actor, "settings.edit")  # a sound database is replaced only by the office
        actor_name = ctx.actor.name
        ctx.close()
    used, kept = restore_workspace(paths.root, Path(args.backup) if args.backup else None, actor_name=actor_name)
    ctx.out(f"已用备份 {used.describe()} 恢复数据库。" + (f"原数据库保留为 {kept}。" if kept else ""))
    ctx.out("备份之后所做的操作（扫描、归类、审核、签字、导入）需要重新做；文件本身不受影响，重新扫描即可找回。")
    return 0
