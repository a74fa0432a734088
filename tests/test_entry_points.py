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


@pytest.mark.parametrize("password", ["secret-1", "wrong-1"])
def test_gui_with_user_logs_in_like_any_command(workspace, monkeypatch, capsys, password):
    """`-w DIR --user NAME gui` (password from the environment): the main window without the dialogs."""
    from review.workspace.accounts import PASSWORD_ENV, create_user
    from review.workspace.permissions import LOCAL_USER

    create_user(workspace, LOCAL_USER, "李华", "office", "secret-1")
    opened: list[tuple[object, ...]] = []
    monkeypatch.setattr("desktop.app.run_app", lambda folder, signed_in=None: opened.append((folder, signed_in)) or 0)
    monkeypatch.setenv(PASSWORD_ENV, password)
    with pytest.raises(SystemExit) as ended:
        main(["-w", str(workspace.root), "--user", "李华", "gui"])
    if password == "secret-1":
        assert ended.value.code == 0
        [(folder, (opened_workspace, actor))] = opened
        assert folder == str(workspace.root) and opened_workspace.root == workspace.root and actor.name == "李华"
    else:
        assert ended.value.code != 0 and opened == []
        assert "密码" in capsys.readouterr().err


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
