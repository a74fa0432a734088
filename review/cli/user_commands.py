"""`user add|list`: local accounts (文明办, 组长, 材料员)."""
from __future__ import annotations

import argparse
import getpass
import sys

from review.cli.context import Context
from review.errors import UserError
from review.workspace.permissions import ROLE_NAMES


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("user", help="管理账户")
    s = p.add_subparsers(dest="user_command", metavar="ACTION")
    s.required = True
    add = s.add_parser("add", help="新建账户，例如 user add 张三 --role leader --group XC --password-stdin")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, choices=sorted(ROLE_NAMES),
                     help="office（文明办）、leader（组长）或 clerk（材料员）")
    add.add_argument("--group", metavar="CODE", help="组长和材料员所属的工作组编号")
    add.add_argument("--password-stdin", action="store_true", help="从标准输入读取新账户的密码（一行）")
    add.set_defaults(func=cmd_add)
    ls = s.add_parser("list", help="列出账户")
    ls.add_argument("--json", action="store_true", help="以 JSON 输出")
    ls.set_defaults(func=cmd_list)


def new_password(args: argparse.Namespace) -> str:
    """The new account's password: one line from standard input, or typed twice at a terminal."""
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise UserError(f"标准输入中没有读到账户“{args.name}”的密码。请用 echo 密码 | … --password-stdin。")
        return password
    if not sys.stdin or not sys.stdin.isatty():
        raise UserError(f"请用 --password-stdin 从标准输入提供账户“{args.name}”的密码。")
    first = getpass.getpass(f"请为“{args.name}”设置密码：")
    if getpass.getpass("请再输入一次：") != first:
        raise UserError("两次输入的密码不一致，账户未建立。请重新运行。")
    return first


def cmd_add(ctx: Context, args: argparse.Namespace) -> int:
    from review.workspace.accounts import create_user

    actor = ctx.actor
    if actor.single_user and args.role != "office":
        raise UserError("工作区还没有账户：第一个账户必须是文明办账户，"
                        "例如 user add 姓名 --role office --password-stdin，再由它添加组长和材料员。")
    password = new_password(args)
    create_user(ctx.workspace, actor, args.name, args.role, password, args.group)
    where = f"，工作组 {args.group}" if args.group else ""
    ctx.out(f"已新建{ROLE_NAMES[args.role]}账户“{args.name.strip()}”{where}。")
    return 0


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    from review.workspace.accounts import list_users

    _ = ctx.actor  # listing accounts needs a login once accounts exist
    users = list_users(ctx.workspace)
    if args.json:
        ctx.json({"users": users})
        return 0
    if not users:
        ctx.out("尚无账户：工作区以单机模式运行。用 `user add 姓名 --role office --password-stdin` 建立文明办账户。")
    for user in users:
        ctx.out(f"{user['name']}\t{user['role_name']}\t{user['group'] or ''}")
    return 0
