"""The main window's menus and shortcuts, in one table.

Built right after the first paint: parsing the first key sequence costs ~15 ms, and no
menu is open during that first paint. Actions that need a notebook do nothing while
none is open or the window is locked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from peercoach_desktop.ui.main_window import MainWindow

TAB_SHORTCUTS = 8  # Alt+1…8 reach the notebook's tabs


def deferred(window: MainWindow, module: str, name: str) -> Callable[[], None]:
    """An action whose code (ui.<module>) loads when first used."""

    def act() -> None:
        if window.locked or window.access.workspace is None:
            return
        from importlib import import_module

        getattr(import_module(f"peercoach_desktop.ui.{module}"), name)(window)

    return act


def build_actions(window: MainWindow, menus: tuple[QMenu, ...]) -> None:
    notebook_menu, edit, partner = menus

    def in_notebook(act: Callable[[], object]) -> Callable[[], None]:
        return lambda: window.in_notebook(act)

    def new_step() -> None:
        window.notebook.setCurrentWidget(window.notebook.steps)
        window.notebook.steps.text.setFocus()

    def notes() -> None:
        window.notebook.setCurrentWidget(window.notebook.notes)
        window.notebook.notes.new_note()

    def goals() -> None:
        window.notebook.setCurrentWidget(window.notebook.goals)
        window.notebook.goals.new_goal()

    def sync(name: str) -> Callable[[], None]:
        return deferred(window, "partner_sync", name)

    table: list[tuple[QMenu, str, QKeySequence | QKeySequence.StandardKey, Callable[[], object]]] = [
        (notebook_menu, "&New partnership…", QKeySequence.StandardKey.New, lambda: window.new_partnership()),
        (notebook_menu, "&Lock", QKeySequence("Ctrl+L"), window.lock),
        (
            notebook_menu,
            "Panic loc&k (lock and hide)",
            QKeySequence(window.preferences.get("panic_shortcut")),
            window.panic_lock,
        ),
        (
            notebook_menu,
            "&Back up now…",
            QKeySequence(),
            in_notebook(deferred(window, "safety_actions", "back_up_now")),
        ),
        (
            notebook_menu,
            "Change the &key…",
            QKeySequence(),
            in_notebook(deferred(window, "safety_actions", "change_key")),
        ),
        (notebook_menu, "&Preferences…", QKeySequence("Ctrl+,"), window.open_preferences),
        (notebook_menu, "&Quit", QKeySequence.StandardKey.Quit, window.close),
        (
            edit,
            "New &note",
            QKeySequence("Ctrl+Shift+N"),
            in_notebook(notes),
        ),
        (
            edit,
            "New &goal",
            QKeySequence("Ctrl+Shift+G"),
            in_notebook(goals),
        ),
        (edit, "New next &step", QKeySequence("Ctrl+Shift+S"), in_notebook(new_step)),
        (edit, "&Find…", QKeySequence.StandardKey.Find, in_notebook(lambda: window.notebook.focus_search())),
        (edit, "&Run session", QKeySequence("Ctrl+R"), in_notebook(lambda: window.notebook.run_session())),
        (
            edit,
            "&Undo delete or status change",
            QKeySequence.StandardKey.Undo,
            in_notebook(deferred(window, "trash_actions", "undo")),
        ),
        (
            edit,
            "&Delete (to the trash)",
            QKeySequence("Ctrl+Shift+Delete"),
            in_notebook(deferred(window, "trash_actions", "delete_current")),
        ),
        (
            notebook_menu,
            "&Trash…",
            QKeySequence(),
            in_notebook(deferred(window, "trash_actions", "show_trash")),
        ),
        (
            notebook_menu,
            "E&xport a summary…",
            QKeySequence("Ctrl+Shift+E"),
            in_notebook(deferred(window, "summary_dialog", "export_summary")),
        ),
        (
            notebook_menu,
            "&Restore a backup…",
            QKeySequence(),
            deferred(window, "safety_actions", "restore_backup"),
        ),
        (
            edit,
            "&History of this item…",
            QKeySequence("Ctrl+Shift+H"),
            in_notebook(deferred(window, "history_dialog", "show_history")),
        ),
        (
            partner,
            "&Invite partner…",
            QKeySequence(),
            in_notebook(sync("invite")),
        ),
        (partner, "&Join a partnership…", QKeySequence(), sync("join")),
        (
            partner,
            "&Export for partner…",
            QKeySequence("Ctrl+E"),
            in_notebook(sync("export")),
        ),
        (
            partner,
            "I&mport from partner…",
            QKeySequence("Ctrl+I"),
            sync("import_file"),
        ),
        (partner, "&Conflicts…", QKeySequence(), in_notebook(sync("conflicts"))),
    ]
    for menu, text, shortcut, slot in table:
        action = QAction(text, window)
        action.setObjectName("action_" + re.sub(r"[^a-z]+", "_", text.replace("&", "").lower()).strip("_"))
        action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        window.addAction(action)
    for number in range(TAB_SHORTCUTS):
        action = QAction(window)
        action.setShortcut(QKeySequence(f"Alt+{number + 1}"))
        action.triggered.connect(in_notebook(lambda n=number: window.notebook.setCurrentIndex(n)))
        window.addAction(action)
