"""`signoff GROUP [--exception CODE=REASON …]` and `signoff verify GROUP [--version N]`."""
from __future__ import annotations

import argparse

from review.cli.context import WAIT_HELP, Context
from review.errors import UserError
from review.workspace.permissions import Actor, require

STALE_EXIT = 5
INVALID_EXIT = 6


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "signoff", help="组长签字确认，或核验签字：signoff GROUP | signoff verify GROUP [--version N]",
        description="signoff GROUP：组长对本组材料签字确认（需要组长密码）。"
                    "signoff verify GROUP：核验签字是否有效、是否因材料变动而失效。",
    )
    p.add_argument("target", metavar="GROUP", nargs="+", help="工作组编号；核验时写 verify 工作组编号")
    p.add_argument("--wait", action="store_true", help=WAIT_HELP)
    p.add_argument("--exception", action="append", default=[], metavar="CODE=REASON",
                   help="列为例外的条目及原因（文明办会看到），可重复")
    p.add_argument("--version", type=int, metavar="N", help="核验第 N 版签字（默认最新版）")
    p.add_argument("--json", action="store_true", help="核验结果以 JSON 输出")
    p.set_defaults(func=cmd_signoff)


def login_keeping_password(ctx: Context) -> tuple[Actor, str]:
    """The logged-in account and the password it logged in with, which also unlocks the leader's
    signing key (asked once: the login at the start of every command keeps it).

    A workspace without accounts has no leader and no key: signing is refused with advice.
    """
    actor = ctx.actor
    password = ctx.password
    if password is None:
        require(actor, "signoff")
        raise UserError("签字需要组长账户的密码，请用 --user 指定组长并输入密码。")  # not reached: no accounts
    return actor, password


def parse_exceptions(values: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for value in values:
        code, sep, reason = value.partition("=")
        if not sep or not code.strip() or not reason.strip():
            raise UserError(f"例外“{value}”的写法不对，应为 --exception 条目编号=原因，例如 --exception Ⅲ-1-2)=材料待补充")
        out[code.strip()] = reason.strip()
    return out


def typed_exceptions(ctx: Context, exceptions: dict[str, str]) -> dict[str, str]:
    """Exception codes as the manual spells them ("III-1-2" → "Ⅲ-1-2)"); an unknown code is refused."""
    from review.manual.store import typed_code

    if not exceptions:
        return exceptions
    with ctx.workspace.session() as session:
        return {typed_code(session, code): reason for code, reason in exceptions.items()}


def cmd_signoff(ctx: Context, args: argparse.Namespace) -> int:
    from review.assessment.group_state import group_state
    from review.handover.signoff import sign_off, signed_exceptions
    from review.signing.keys import format_fingerprint

    if args.target[0] == "verify" and len(args.target) == 2:
        return cmd_verify(ctx, args, args.target[1])
    if len(args.target) != 1 or args.target == ["verify"]:
        raise UserError("用法：signoff 工作组编号 [--exception 条目=原因] 或 signoff verify 工作组编号 [--version N]")
    if args.version is not None:
        raise UserError("--version 只用于核验：signoff verify 工作组编号 --version N")
    group = args.target[0]
    exceptions = parse_exceptions(args.exception)
    actor, password = login_keeping_password(ctx)
    exceptions = typed_exceptions(ctx, exceptions)
    row = sign_off(ctx.workspace, actor, password, group, exceptions=exceptions, wait=ctx.waiting)
    ctx.out(f"{actor.name} 已对工作组 {group} 签字确认（第 {row.version} 版），"
            f"密钥指纹 {format_fingerprint(row.fingerprint)}。")
    listed = signed_exceptions(group_state(ctx.workspace, group), exceptions)
    if listed:
        ctx.out(f"本次签字同时确认以下 {len(listed)} 项（文明办可见）：")
        for line in listed:
            ctx.out(f"  {line}")
    return 0


def cmd_verify(ctx: Context, args: argparse.Namespace, group: str) -> int:
    from review.intake.scan import rescan_known
    from review.signing.keys import format_fingerprint
    from review.signing.verification import signoff_status

    if args.exception:
        raise UserError("--exception 只用于签字，核验时不需要。")
    require(ctx.actor, "read.group", group)
    rescan_known(ctx.workspace, ctx.actor, group, rehash=True)  # the bytes on disk now, not the last scan's
    status = signoff_status(ctx.workspace, group, args.version)
    if args.json:
        ctx.json(status.to_json())
    elif status.state == "none":
        ctx.out(f"工作组 {group} 尚未签字。")
    else:
        ctx.out(f"工作组 {group} 第 {status.version} 版签字（最新为第 {status.latest_version} 版）："
                f"{status.leader}，{status.signed_at}，指纹 {format_fingerprint(status.fingerprint or '')}")
        ctx.out(f"状态：{status.state_name}")
        for difference in status.differences:
            ctx.out(f"  {difference.describe()}")
    if status.state == "invalid":
        raise UserError(f"工作组 {group} 的签字无效：{status.problem}。请勿信任该签字，请组长重新签字。",
                        exit_code=INVALID_EXIT)
    if status.state == "stale":
        raise UserError(f"工作组 {group} 的签字已失效：签字后有 {len(status.differences)} 处材料变动（见上）。"
                        "请组长重新审核并签字。", exit_code=STALE_EXIT)
    if status.state == "none":
        raise UserError(f"工作组 {group} 尚未签字。请组长审核后运行 signoff {group}。", exit_code=STALE_EXIT)
    return 0
