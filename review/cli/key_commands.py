"""`key export OUT` (a leader's public key file) and `key import FILE` (the office registers it)."""
from __future__ import annotations

import argparse
from pathlib import Path

from review.cli.context import Context
from review.errors import UserError
from review.workspace.permissions import require


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
    from sqlalchemy import select

    from review.cli.signoff_commands import login_keeping_password
    from review.signing.keys import KeyFile, ensure_key, format_fingerprint, write_key_file
    from review.workspace.audit import record
    from review.workspace.db.models import User
    from review.workspace.groups import get_group

    actor, password = login_keeping_password(ctx)
    if actor.role != "leader":
        raise UserError(f"只有组长有签名密钥；“{actor.name}”是{actor.role_name}账户。")
    out = Path(args.out)
    with ctx.workspace.session() as session:
        user = session.scalars(select(User).where(User.name == actor.name)).one()
        key = ensure_key(session, user, password)
        group = get_group(session, actor.group_code or "")
        key_file = KeyFile(owner=actor.name, group_code=group.code, fingerprint=key.fingerprint,
                           public_key_pem=key.public_key, group_name=group.name)
        write_key_file(key_file, out)
        record(session, actor=actor.name, action="key.export", target=str(out),
               details={"fingerprint": key.fingerprint})
    ctx.out(f"已导出“{actor.name}”的公钥到 {out}。")
    ctx.out(f"指纹：{format_fingerprint(key_file.fingerprint)}（请电话告知文明办核对）")
    return 0


def cmd_import(ctx: Context, args: argparse.Namespace) -> int:
    from review.signing.keys import format_fingerprint, read_key_file, register_key
    from review.workspace.audit import record

    actor = ctx.actor
    require(actor, "key.import")
    key_file = read_key_file(Path(args.file))
    with ctx.workspace.session() as session:
        _, added = register_key(session, key_file, actor.name, create_group=args.create_group)
        if added:
            record(session, actor=actor.name, action="key.import", target=key_file.owner,
                   details={"group": key_file.group_code, "fingerprint": key_file.fingerprint})
    state = "已登记" if added else "此前已登记"
    ctx.out(f"{state}{key_file.group_code} 组长“{key_file.owner}”的公钥。")
    ctx.out(f"指纹：{format_fingerprint(key_file.fingerprint)}（请与组长电话核对）")
    return 0
