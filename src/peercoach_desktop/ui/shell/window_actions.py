"""The main window's menus and shortcuts, in one table.

Built right after the first paint: parsing the first key sequence costs ~15 ms, and no
menu is open during that first paint. Actions that need a notebook do nothing while
none is open or the window is locked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from peercoach_desktop.ui.infra.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from peercoach_desktop.ui.notebook.window_host import NotebookHost
    from peercoach_desktop.ui.partners.sync_folder import SyncFolders

    class ActionsHost(NotebookHost, Protocol):
        """What the menus call on the main window."""

        def lock(self) -> None: ...

        def panic_lock(self) -> None: ...

        def open_preferences(self) -> None: ...

        def new_partnership(self, keyring_problem: str | None = None) -> None: ...

        def in_notebook(self, act: Callable[[], object]) -> None: ...

        def addAction(self, action: QAction) -> None: ...

        def close(self) -> bool: ...

        @property
        def sync_folders(self) -> SyncFolders: ...


TAB_SHORTCUTS = 8  # Alt+1…8 reach the notebook's tabs


QUIT = QT_TRANSLATE_NOOP("Menus", "&Quit")


def deferred(window: ActionsHost, action: Callable[[], Callable[[Any], object]]) -> Callable[[], None]:
    """An action whose code loads when first used: `action()` imports its module and returns the
    function to call with the window (so start-up does not pay for dialogs nobody opened yet)."""

    def act() -> None:
        if window.locked or window.access.workspace is None:
            return
        action()(window)

    return act


# Each loader imports one window part on first use; "find usages" sees every action's function.
def _safety() -> ModuleType:
    from peercoach_desktop.ui.shell import safety_actions

    return safety_actions


def _trash() -> ModuleType:
    from peercoach_desktop.ui.notebook_tools import trash_actions

    return trash_actions


def _summary() -> ModuleType:
    from peercoach_desktop.ui.notebook_tools import summary_dialog

    return summary_dialog


def _meetings() -> ModuleType:
    from peercoach_desktop.ui.notebook_tools import meetings_dialog

    return meetings_dialog


def _history() -> ModuleType:
    from peercoach_desktop.ui.notebook_tools import history_dialog

    return history_dialog


def _partner_sync() -> ModuleType:
    from peercoach_desktop.ui.partners import partner_sync

    return partner_sync


def _workshop() -> ModuleType:
    from peercoach_desktop.ui.workshop import workshop_actions

    return workshop_actions


def build_actions(window: ActionsHost, menus: tuple[QMenu, ...]) -> None:
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

    table: list[tuple[QMenu, str, QKeySequence | QKeySequence.StandardKey, Callable[[], object]]] = [
        (
            notebook_menu,
            QT_TRANSLATE_NOOP("Menus", "&New partnership…"),
            QKeySequence.StandardKey.New,
            lambda: window.new_partnership(),
        ),
        (
            notebook_menu,
            QT_TRANSLATE_NOOP("Menus", "New &workshop…"),
            QKeySequence(),
            deferred(window, lambda: _workshop().new_workshop),
        ),
        (
            notebook_menu,
            QT_TRANSLATE_NOOP("Menus", "W&orkshops…"),
            QKeySequence(),
            deferred(window, lambda: _workshop().list_workshops),
        ),
        (notebook_menu, QT_TRANSLATE_NOOP("Menus", "&Lock"), QKeySequence("Ctrl+L"), window.lock),
        (
            notebook_menu,
            QT_TRANSLATE_NOOP("Menus", "Panic loc&k (lock and hide)"),
            QKeySequence(window.preferences.get("panic_shortcut")),
            window.panic_lock,
        ),
        (
            notebook_menu,
            QT_TRANSLATE_NOOP("Menus", "&Back up now…"),
            QKeySequence(),
            in_notebook(deferred(window, lambda: _safety().back_up_now)),
        ),
        (
            notebook_menu,
            QT_TRANSLATE_NOOP("Menus", "Change the &key…"),
            QKeySequence(),
            in_notebook(deferred(window, lambda: _safety().change_key)),
        ),
        (
            notebook_menu,
            QT_TRANSLATE_NOOP("Menus", "&Preferences…"),
            QKeySequence("Ctrl+,"),
            window.open_preferences,
        ),
        (
            edit,
            QT_TRANSLATE_NOOP("Menus", "New &note"),
            QKeySequence("Ctrl+Shift+N"),
            in_notebook(notes),
        ),
        (
            edit,
            QT_TRANSLATE_NOOP("Menus", "New &goal"),
            QKeySequence("Ctrl+Shift+G"),
            in_notebook(goals),
        ),
        (
            edit,
            QT_TRANSLATE_NOOP("Menus", "New next &step"),
            QKeySequence("Ctrl+Shift+S"),
            in_notebook(new_step),
        ),
        (
            edit,
            QT_TRANSLATE_NOOP("Menus", "&Find…"),
            QKeySequence.StandardKey.Find,
            in_notebook(lambda: window.notebook.focus_search()),
        ),
        (
            edit,
            QT_TRANSLATE_NOOP("Menus", "&Run session"),
            QKeySequence("Ctrl+R"),
            in_notebook(lambda: window.notebook.run_session()),
        ),
        (
            edit,
            QT_TRANSLATE_NOOP("Menus", "&Undo delete or status change"),
            QKeySequence.StandardKey.Undo,
            in_notebook(deferred(window, lambda: _trash().undo)),
        ),
        (
            edit,
            QT_TRANSLATE_NOOP("Menus", "&Delete (to the trash)"),
            QKeySequence("Ctrl+Shift+Delete"),
            in_notebook(deferred(window, lambda: _trash().delete_current)),
        ),
        (
            notebook_menu,
            QT_TRANSLATE_NOOP("Menus", "&Trash…"),
            QKeySequence(),
            in_notebook(deferred(window, lambda: _trash().show_trash)),
        ),
        (
            notebook_menu,
            QT_TRANSLATE_NOOP("Menus", "E&xport a summary…"),
            QKeySequence("Ctrl+Shift+E"),
            in_notebook(deferred(window, lambda: _summary().export_summary)),
        ),
        (
            notebook_menu,
            QT_TRANSLATE_NOOP("Menus", "Plan &meetings…"),
            QKeySequence("Ctrl+Shift+M"),
            in_notebook(deferred(window, lambda: _meetings().plan_meetings)),
        ),
        (
            notebook_menu,
            QT_TRANSLATE_NOOP("Menus", "&Restore a backup…"),
            QKeySequence(),
            deferred(window, lambda: _safety().restore_backup),
        ),
        (
            edit,
            QT_TRANSLATE_NOOP("Menus", "&History of this item…"),
            QKeySequence("Ctrl+Shift+H"),
            in_notebook(deferred(window, lambda: _history().show_history)),
        ),
        (
            partner,
            QT_TRANSLATE_NOOP("Menus", "&Invite partner…"),
            QKeySequence(),
            in_notebook(deferred(window, lambda: _partner_sync().invite)),
        ),
        (
            partner,
            QT_TRANSLATE_NOOP("Menus", "&Join a partnership…"),
            QKeySequence(),
            deferred(window, lambda: _partner_sync().join),
        ),
        (
            partner,
            QT_TRANSLATE_NOOP("Menus", "&Export for partner…"),
            QKeySequence("Ctrl+E"),
            in_notebook(deferred(window, lambda: _partner_sync().export)),
        ),
        (
            partner,
            QT_TRANSLATE_NOOP("Menus", "I&mport from partner…"),
            QKeySequence("Ctrl+I"),
            deferred(window, lambda: _partner_sync().import_file),
        ),
        (
            partner,
            QT_TRANSLATE_NOOP("Menus", "&Sync folder…"),
            QKeySequence(),
            in_notebook(lambda: window.sync_folders.choose()),
        ),
        (
            partner,
            QT_TRANSLATE_NOOP("Menus", "&Conflicts…"),
            QKeySequence(),
            in_notebook(deferred(window, lambda: _partner_sync().conflicts)),
        ),
        (notebook_menu, QUIT, QKeySequence.StandardKey.Quit, window.close),
    ]
    for menu, text, shortcut, slot in table:
        if text is QUIT:
            menu.addSeparator()  # Quit closes the menu, apart from the rest, as in every desktop app
        action = QAction(translate("Menus", text), window)
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
