"""`settings show|set`."""
from __future__ import annotations

import argparse

from review.cli.context import Context
from review.workspace.permissions import require


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("settings", help="查看或修改工作区设置")
    s = p.add_subparsers(dest="settings_command", metavar="ACTION")
    s.required = True
    show = s.add_parser("show", help="列出全部设置")
    show.add_argument("--json", action="store_true", help="以 JSON 输出")
    show.set_defaults(func=cmd_show)
    put = s.add_parser("set", help="修改一项设置，例如 settings set window 测评开始前1月上溯一个年度")
    put.add_argument("key")
    put.add_argument("value")
    put.set_defaults(func=cmd_set)


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    settings = ctx.workspace.settings()
    if args.json:
        data = settings.to_rows()
        window = settings.date_window()
        data["window_dates"] = {"begin": window.begin.isoformat(), "end": window.end.isoformat()}
        ctx.json(data)
        return 0
    for key, label, text in settings.describe():
        ctx.out(f"{label}（{key}）：{text}")
    return 0


def cmd_set(ctx: Context, args: argparse.Namespace) -> int:
    require(ctx.actor, "settings.edit")
    settings = ctx.workspace.settings().with_value(args.key, args.value)
    ctx.workspace.save_settings(settings)
    from review.checking.engine import run_checks  # here, not at the top: every command starts fast

    run_checks(ctx.workspace)  # findings follow the settings (window, formats, limits) at once
    label = settings.LABELS[args.key]
    value = dict((k, v) for k, _, v in settings.describe())[args.key]
    ctx.out(f"已将“{label}”设为：{value}")
    return 0
