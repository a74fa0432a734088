"""The program's ways in: `--version`, the desktop program without arguments, and the switch the
installers' smoke tests use to close the main window once it is up."""
from __future__ import annotations

from importlib import metadata

import pytest

from desktop.entry import main
from tests.desktop_helpers import settings_sandbox_fixture  # noqa: F401 - fixture


def test_version_names_the_installed_version(capsys):
    with pytest.raises(SystemExit) as ended:
        main(["--version"])
    assert ended.value.code == 0
    assert capsys.readouterr().out.strip() == f"materials-review {metadata.version('materials-review')}"


def test_without_arguments_the_desktop_program_starts(monkeypatch):
    opened: list[str | None] = []
    monkeypatch.setattr("desktop.app.run_app", lambda folder: opened.append(folder) or 0)
    with pytest.raises(SystemExit) as ended:
        main([])
    assert ended.value.code == 0 and opened == [None]


@pytest.mark.usefixtures("settings_sandbox")
@pytest.mark.qt_log_ignore("propagateSizeHints")
@pytest.mark.parametrize("asked", [True, False])
def test_main_window_closes_itself_only_when_asked(qtbot, qapp, workspace, monkeypatch, asked):
    from desktop.app import EXIT_AFTER_SHOW, AppController
    from review.workspace.permissions import LOCAL_USER

    if asked:
        monkeypatch.setenv(EXIT_AFTER_SHOW, "1")
    else:
        monkeypatch.delenv(EXIT_AFTER_SHOW, raising=False)
    controller = AppController(qapp)
    controller.show_main(workspace, LOCAL_USER)
    window = controller.window
    qtbot.addWidget(window)
    assert window.isVisible()
    if asked:
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)
    else:
        qtbot.wait(200)
        assert window.isVisible()
    controller.pool.wait()
    window.close()
