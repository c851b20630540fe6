"""What a window part (a dialog, the sync or safety actions) may ask of the main window, as a
Protocol: the parts depend on this small surface, not on MainWindow, so the shell can import them
and they never import the shell. The object behind it is the main window, which is also the
parent widget of the part's dialogs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from PySide6.QtWidgets import QDialog

if TYPE_CHECKING:
    from peercoach_desktop.ui.infra.access import NotebookAccess
    from peercoach_desktop.ui.infra.settings import Preferences
    from peercoach_desktop.ui.infra.tasks import Tasks
    from peercoach_desktop.vault.workspace import Workspace

D = TypeVar("D", bound=QDialog)


class OpenDialogs(dict[str, QDialog]):
    """The window's dialogs by name, the last of each kind: tests and screenshots find them here
    (`window.dialogs["invite_dialog"]`), and the lock closes every dialog anyway."""

    def keep(self, name: str, dialog: D) -> D:
        dialog.setObjectName(name)
        self[name] = dialog
        return dialog

    def is_open(self, name: str) -> bool:
        dialog = self.get(name)
        return dialog is not None and dialog.isVisible()


class WindowHost(Protocol):
    access: NotebookAccess
    tasks: Tasks
    preferences: Preferences
    dialogs: OpenDialogs
    locked: bool
    undo_stack: list[tuple[str, object]]

    @property
    def workspace(self) -> Workspace: ...

    def reload_notebook(self) -> None: ...

    def show_partnership(self, partnership_id: str) -> None: ...

    def when_unlocked(self, show: Callable[[], None], instead: str) -> None: ...

    def statusBar(self) -> Any: ...
