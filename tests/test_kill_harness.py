"""kill -9 during a scan, a sign-off, a package export and a package import leaves a workspace that
opens, verifies and gives the uninterrupted run's result after the next run (bench/kill_harness.py,
three kills per operation; several minutes, hence slow)."""
from __future__ import annotations

import os

import pytest

from bench import kill_harness

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="kills process groups")]


def test_kill_9_at_random_moments_leaves_every_workspace_consistent(tmp_path):
    tallies, text = kill_harness.run(3, seed=11, work=tmp_path, operations=["scan", "signoff", "export", "import"])
    assert set(tallies) == {"scan", "signoff", "export", "import"}
    for tally in tallies.values():
        assert tally.runs == 3
        assert tally.killed + tally.finished_first == 3
        assert tally.consistent == 3, text
        assert not tally.failures, text
    assert sum(t.killed for t in tallies.values()) >= 6, text  # most kills land while the operation runs
