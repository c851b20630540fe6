"""Notebook ▸ New workshop… and Notebook ▸ Workshops…: the ways into workshop mode.

Workshops are listed here, apart from the partnerships in the sidebar. Each flow is a dialog
opened with open() (tests fill it in), a job on the worker, and a window with the result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from peercoach_desktop.domain.errors import PeerCoachError
from peercoach_desktop.ui.infra.dialogs import RecoveryCodeDialog, error_text, show_error
from peercoach_desktop.ui.infra.i18n import translate
from peercoach_desktop.ui.infra.widgets import named
from peercoach_desktop.ui.workshop.workshop_window import WorkshopWindow
from peercoach_desktop.vault.workshops import WorkshopDescriptor, WorkshopLibrary

if TYPE_CHECKING:
    from peercoach_desktop.ui.infra.window_host import WindowHost


def _workshops(window: WindowHost) -> WorkshopLibrary:
    library = window.access.workspace.library  # type: ignore[union-attr]
    return WorkshopLibrary(library.data_dir, library.keystore, library.clock)


class NewWorkshopDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("new_workshop_dialog")
        self.setWindowTitle(translate("WorkshopActions", "New workshop"))
        self.title = named(
            QLineEdit(), "workshop_title_input", translate("WorkshopActions", "Workshop title")
        )
        self.title.setPlaceholderText(translate("WorkshopActions", "e.g. Faculty peer coaching, spring"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.title.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                translate(
                    "WorkshopActions",
                    "A workshop introduces a group to peer coaching in one room: a roster, pairs across "
                    "units, one shared timer. Names and units stay in an encrypted notebook.",
                ),
                wordWrap=True,
            )
        )
        layout.addWidget(self.title)
        layout.addWidget(buttons)


def new_workshop(window: WindowHost) -> None:
    dialog = NewWorkshopDialog(window)
    window.dialogs.keep("new_workshop_dialog", dialog)
    workshops = _workshops(window)

    def create() -> None:
        title = dialog.title.text()

        def job() -> tuple[WorkshopDescriptor, str]:
            created = workshops.create(title)
            created.store.close()
            return created.descriptor, created.recovery_code

        def done(result: tuple[WorkshopDescriptor, str]) -> None:
            descriptor, code = result

            def show() -> None:
                recovery = window.dialogs.keep("recovery_code_dialog", RecoveryCodeDialog(code, window))
                recovery.accepted.connect(lambda: open_workshop(window, descriptor))
                recovery.open()

            window.when_unlocked(
                show, translate("WorkshopActions", "A workshop was created while the window was locked.")
            )

        window.tasks.run(job, done, lambda error: show_error(window, error))

    dialog.accepted.connect(create)
    dialog.open()


def open_workshop(window: WindowHost, descriptor: WorkshopDescriptor) -> WorkshopWindow:
    shown = WorkshopWindow(window.tasks, _workshops(window), descriptor, window)
    window.dialogs.keep("workshop_window", shown)
    shown.show()
    return shown


class WorkshopListDialog(QDialog):
    """The workshops of this data dir, by title; opening one shows its window."""

    def __init__(self, entries: list[tuple[WorkshopDescriptor, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workshop_list_dialog")
        self.setWindowTitle(translate("WorkshopActions", "Workshops"))
        self.list = named(QListWidget(), "workshop_list", translate("WorkshopActions", "Workshops"))
        for descriptor, title in entries:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, descriptor)
            self.list.addItem(item)
        if entries:
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(bool(entries))
        layout = QVBoxLayout(self)
        if not entries:
            layout.addWidget(
                QLabel(translate("WorkshopActions", "No workshops yet: Notebook ▸ New workshop…"))
            )
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def chosen(self) -> WorkshopDescriptor | None:
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)


def list_workshops(window: WindowHost) -> None:
    workshops = _workshops(window)

    def job() -> list[tuple[WorkshopDescriptor, str | PeerCoachError]]:
        entries: list[tuple[WorkshopDescriptor, str | PeerCoachError]] = []
        for descriptor in workshops.descriptors():
            try:
                with workshops.open(descriptor) as store:
                    entries.append((descriptor, store.title()))
            except PeerCoachError as exc:  # listed with the reason, e.g. a key missing
                entries.append((descriptor, PeerCoachError(exc.template, **exc.fields)))
        return entries

    def done(found: list[tuple[WorkshopDescriptor, str | PeerCoachError]]) -> None:
        entries = [
            (d, t if isinstance(t, str) else f"{d.workshop_id[:8]} — {error_text(t)}") for d, t in found
        ]
        dialog = WorkshopListDialog(entries, window)
        window.dialogs.keep("workshop_list_dialog", dialog)

        def chosen() -> None:
            descriptor = dialog.chosen()
            if descriptor is not None:
                open_workshop(window, descriptor)

        dialog.accepted.connect(chosen)
        dialog.open()

    window.tasks.run(job, done, lambda error: show_error(window, error))
