"""Entry point of the command line.

Every handler raises `UserError` for refusals; this module turns them into one Chinese line on
standard error and a non-zero exit. Anything unexpected is logged with its traceback to the
workspace log (or the user log folder) and reported as one line too — never a traceback.
"""
from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from review.cli import (
    audit_commands,
    check_commands,
    group_commands,
    key_commands,
    manual_commands,
    map_commands,
    package_commands,
    report_commands,
    review_commands,
    scan_commands,
    search_commands,
    settings_commands,
    signoff_commands,
    status_commands,
    submission_commands,
    user_commands,
    workspace_commands,
)
from review.cli.context import Context
from review.errors import UserError

Registrar = Callable[[argparse._SubParsersAction], None]

REGISTRARS: list[Registrar] = [
    workspace_commands.register,
    group_commands.register,
    manual_commands.register,
    settings_commands.register,
    status_commands.register,
    scan_commands.register,
    map_commands.register,
    search_commands.register,
    check_commands.register,
    user_commands.register,
    review_commands.register,
    signoff_commands.register,
    key_commands.register,
    audit_commands.register,
    package_commands.register,
    submission_commands.register,
    report_commands.register,
]

log = logging.getLogger("materials_review.cli")

# Commands that do not log in: they create a workspace, or (the GUI) have their own login dialog.
NO_LOGIN_COMMANDS = frozenset({"init", "demo", "gui"})


def needs_login(args: argparse.Namespace) -> bool:
    """Whether the command works on an existing workspace and so must log in before anything else.

    A command that must run without opening the database (e.g. restoring it from a backup) can opt
    out with `set_defaults(skip_login=True)`; anything that opens the workspace still logs in then.
    """
    return args.command not in NO_LOGIN_COMMANDS and not getattr(args, "skip_login", False)


# argparse's own messages (Python 3.11 msgids) in Chinese; placeholders keep their names.
_ARGPARSE_ZH = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项 %(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "%(value)r 不是有效的取值",
    "expected one argument": "需要一个取值",
    "expected at most one argument": "最多只能有一个取值",
    "expected at least one argument": "至少需要一个取值",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "参数 %s 中必须给出一个",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是：%(matches)s",
    "ignored explicit argument %r": "多余的取值 %r",
    "unexpected option string: %s": "意外的选项：%s",
}


def _argparse_gettext(message: str) -> str:
    return _ARGPARSE_ZH.get(message, message)


# argparse looks its module-level `_` up at call time; this puts its help headings in Chinese.
argparse._ = _argparse_gettext  # type: ignore[attr-defined]


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with its usage errors in Chinese and on one line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: 参数错误：{message}。用 --help 查看用法。\n")
        raise SystemExit(2)


def _installed_version() -> str:
    from importlib import metadata  # reading the package metadata costs more than all of `--help`

    try:
        return metadata.version("materials-review")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "未安装版本"


class _VersionAction(argparse.Action):
    """`--version`, looking the installed version up only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS,
                 default: str = argparse.SUPPRESS, help: str | None = None) -> None:
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        sys.stdout.write(f"{parser.prog} {_installed_version()}\n")
        parser.exit()


def build_parser(extra: Sequence[Registrar] = ()) -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(
        prog="materials-review",
        description="申报材料审核台：整理、检查、审核签字并汇总全国文明城市申报材料。",
    )
    parser.add_argument("--version", action=_VersionAction, help=_argparse_gettext("show program's version number and exit"))
    parser.add_argument("-w", "--workspace", metavar="DIR", help="工作区文件夹")
    parser.add_argument("--user", metavar="NAME", help="以该账户身份操作（工作区有账户后必需）")
    parser.add_argument("--db-url", metavar="URL", help="数据库地址（默认使用工作区内的 SQLite）")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ChineseArgumentParser)
    sub.required = True
    for register in [*REGISTRARS, *extra]:
        register(sub)
    return parser


def run(argv: Sequence[str] | None = None, extra: Sequence[Registrar] = ()) -> int:
    parser = build_parser(extra)
    args = parser.parse_args(argv)
    from review.workspace.logs import configure_logging, user_log_file

    ctx = Context(args)
    on_workspace = bool(args.workspace) and Path(args.workspace, "workspace.json").exists()
    log_file = Path(args.workspace) / "logs" / "materials-review.log" if on_workspace else user_log_file()
    try:
        configure_logging(log_file)
        if needs_login(args) and on_workspace:
            _ = ctx.actor  # every command on a workspace with accounts needs a valid login, reads included
        result = args.func(ctx, args)
        return int(result or 0)
    except UserError as exc:
        log.info("refused: %s", exc.message)
        sys.stderr.write(f"错误：{exc.message}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("已取消。已完成的部分已保存，可再次运行继续。\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        log.exception("unexpected error in command %s", args.command)
        damaged = _damaged_database(args, exc)
        if damaged is not None:
            sys.stderr.write(f"错误：{damaged.message}\n")
            return damaged.exit_code
        sys.stderr.write(
            f"错误：发生内部错误（{exc.__class__.__name__}）。工作区未被破坏；详细信息已写入 {log_file}，"
            "请把该文件发给技术支持。\n"
        )
        return 1
    finally:
        ctx.close()


def _damaged_database(args: argparse.Namespace, exc: Exception) -> UserError | None:
    """The truthful refusal when SQLite met a damaged page in the middle of a command."""
    from review.workspace import backups
    from review.workspace.folder import WorkspacePaths

    if not args.workspace or not backups.is_corruption(exc):
        return None
    paths = WorkspacePaths(Path(args.workspace).resolve())
    return backups.refusal(paths.root, paths.db_file, paths.backups, "已损坏（读取时发现损坏的数据页）")


def main(argv: Sequence[str] | None = None) -> None:
    raise SystemExit(run(argv))
