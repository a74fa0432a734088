"""`key export OUT` (a leader's public key file) and `key import FILE` (the office registers it)."""
from __future__ import annotations

import argparse
from pathlib import Path

from review.cli.context import Context
from review.cli.signoff_commands import login_keeping_password


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("key", help="组长签名密钥：导出公钥文件，或由文明办登记公钥")
    s = p.add_subparsers(dest="key_command", metavar="ACTION")
    s.required = True
    export = s.add_parser("export", help="导出本人的公钥文件（首次使用时生成密钥）")
    export.add_argument("out", metavar="OUT", help="公钥文件的保存位置，例如 张三公钥.json")
    export.set_defaults(func=cmd_export)
    imp = s.add_parser("import", help="文明办登记组长的公钥文件")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--create-group", action="store_true", help="本工作区还没有该工作组时，按公钥文件新建")
    imp.set_defaults(func=cmd_import)


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    from review.signing.keys import export_public_key, format_fingerprint

    actor, password = login_keeping_password(ctx)
    out = Path(args.out)
    key_file = export_public_key(ctx.workspace, actor, password, out)
    ctx.out(f"已导出“{actor.name}”的公钥到 {out}。")
    ctx.out(f"指纹：{format_fingerprint(key_file.fingerprint)}（请电话告知文明办核对）")
    return 0


def cmd_import(ctx: Context, args: argparse.Namespace) -> int:
    from review.signing.keys import format_fingerprint, import_public_key, read_key_file

    key_file = read_key_file(Path(args.file))
    added = import_public_key(ctx.workspace, ctx.actor, key_file, create_group=args.create_group)
    state = "已登记" if added else "此前已登记"
    ctx.out(f"{state}{key_file.group_code} 组长“{key_file.owner}”的公钥。")
    ctx.out(f"指纹：{format_fingerprint(key_file.fingerprint)}（请与组长电话核对）")
    return 0
