"""Every view fits a 1280×720 window, in English and German, the session runner included:
its minimum size (what Qt will not squeeze) stays inside, and the partnership list keeps
its width with no sideways scrolling."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_summary import fill
from window_driver import create_partnership, idle

from peercoach_desktop.ui.infra import i18n
from peercoach_desktop.ui.infra.settings import Preferences
from peercoach_desktop.ui.shell.main_window import MainWindow
from peercoach_desktop.vault.library import Library

LAPTOP = (1280, 720)
# 1366 px at 125 % scaling leaves 1093 logical pixels: the runner must fit that too
NARROW_LAPTOP_WIDTH = 1093


@pytest.fixture(params=["en", "de"])
def language(request: pytest.FixtureRequest, qapp: object) -> Iterator[str]:
    assert i18n.install(request.param) == request.param, "no .qm: run scripts/bootstrap.sh test"
    yield request.param
    i18n.install("en")


def test_every_view_and_runner_page_fits_a_laptop(qtbot: QtBot, library: Library, language: str) -> None:
    window = MainWindow(library, Preferences())
    qtbot.addWidget(window)
    window.resize(*LAPTOP)
    window.show()
    window.load()
    idle(qtbot, window)
    create_partnership(qtbot, window)
    pid = window.access.partnership_id
    window.tasks.run_and_wait(lambda: fill(window.workspace.store(pid)))  # a goal, notes, steps
    window.reload_notebook()
    idle(qtbot, window)
    notebook, too_big = window.notebook, []

    def check(where: str) -> None:
        idle(qtbot, window)
        hint = window.minimumSizeHint()
        if hint.width() > NARROW_LAPTOP_WIDTH or hint.height() > LAPTOP[1]:
            too_big.append(f"{where}: {hint.width()}×{hint.height()}")
        partnerships = window._frame.partnerships
        if partnerships.horizontalScrollBar().isVisible() or partnerships.width() < 200:
            too_big.append(f"{where}: partnership list squeezed to {partnerships.width()} px")

    for index in range(notebook.count()):
        notebook.setCurrentIndex(index)
        check(notebook.tabText(index))
    tab = notebook.session
    notebook.setCurrentWidget(tab)
    tab.start_button.click()
    qtbot.waitUntil(lambda: tab.view is not None and tab.view.state is not None)
    for stage, button in enumerate(tab.view.stage_bar.buttons):
        tab.view.go_to(stage)
        check(f"runner, {button.text()}")
    assert window.size().toTuple() == LAPTOP and window.windowState() == Qt.WindowState.WindowNoState
    assert too_big == [], f"{language}: {too_big}"
