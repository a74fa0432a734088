"""The `materials-review` console script: the headless CLI plus the `demo` and `gui` commands.

Those two live outside `review`, so that `review` never depends on `demo` or `desktop`.
The CLI is imported inside `main`: every worker process the application starts ("spawn")
re-imports this script first, and should not pay for the whole CLI (a second or two) each time.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from review.cli.context import Context


def register_gui(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help="启动桌面程序", description="启动申报材料审核台桌面程序，直到窗口关闭。")
    p.add_argument("dir", metavar="DIR", nargs="?",
                   help="要打开的工作区，或要导入的材料包（.mrpkg，打开工作区后由文明办核验导入）（可省略）")
    p.set_defaults(func=cmd_gui)


def cmd_gui(ctx: Context, args: argparse.Namespace) -> int:
    """With `--user`, the login happens here as for any command (the password from the environment or
    the terminal) and the main window opens without the start and login dialogs."""
    from desktop.app import run_app
    from review.handover.package import SUFFIX

    if args.dir and args.dir.lower().endswith(SUFFIX):  # a package double-clicked in the file manager
        return run_app(args.workspace, package=args.dir)
    folder = args.dir or args.workspace
    if args.user and folder:
        args.workspace = folder
        return run_app(folder, signed_in=(ctx.workspace, ctx.actor))
    return run_app(folder)


def main(argv: Sequence[str] | None = None) -> None:
    """Without arguments (a double-click on the program or its desktop icon) the desktop program starts;
    with arguments, the command line."""
    if getattr(sys, "frozen", False):  # worker processes of a frozen Windows build start through here
        import multiprocessing

        multiprocessing.freeze_support()
    from demo.command import register as register_demo
    from review.cli.main import run

    args = list(sys.argv[1:] if argv is None else argv)
    raise SystemExit(run(args or ["gui"], extra=[register_demo, register_gui]))
