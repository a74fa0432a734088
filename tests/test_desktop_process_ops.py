"""Services in a child process: progress relayed, 取消 passed on, refusals re-raised as they are."""
from __future__ import annotations

import time

import pytest

from desktop.process_ops import run_in_process
from review.errors import UserError
from review.progress import CancelToken, ProgressEvent


def count_until_cancelled(limit: int, *, progress, cancel) -> int:
    done = 0
    while not cancel.cancelled and done < limit:
        done += 1
        progress(ProgressEvent("check", done, limit, f"文件{done}"))
        time.sleep(0.01)
    return done


def refuse(name: str, *, progress, cancel) -> None:
    raise UserError(f"文件 {name} 已加密，请提交未加密的版本。")


def test_progress_arrives_and_cancel_stops_the_child():
    events: list[ProgressEvent] = []
    token = CancelToken()

    def on_progress(event: ProgressEvent) -> None:
        events.append(event)
        if event.done == 5:
            token.cancel()

    done = run_in_process(count_until_cancelled, 10_000, progress=on_progress, cancel=token)
    assert 5 <= done < 10_000
    assert [e.done for e in events[:5]] == [1, 2, 3, 4, 5] and events[0].current == "文件1"


def test_a_refusal_in_the_child_is_raised_in_the_parent():
    with pytest.raises(UserError, match=r"文件 a\.pdf 已加密"):
        run_in_process(refuse, "a.pdf")
