"""Delete (to the trash), undo the last delete or status change, and the trash itself."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from peercoach_desktop.coaching import trash
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.ui.infra.i18n import QT_TRANSLATE_NOOP, number, translate
from peercoach_desktop.ui.infra.widgets import local_time, named
from peercoach_desktop.ui.session.session_widgets import ask_yes_no

TRASH_KINDS = {  # core.trash item kinds
    "note": QT_TRANSLATE_NOOP("TrashDialog", "Note"),
    "goal": QT_TRANSLATE_NOOP("TrashDialog", "Goal"),
    "step": QT_TRANSLATE_NOOP("TrashDialog", "Next step"),
    "session": QT_TRANSLATE_NOOP("TrashDialog", "Session"),
}


def kind_label(kind: str) -> str:
    text = TRASH_KINDS.get(kind)
    return translate("TrashDialog", text) if text else kind.capitalize()


if TYPE_CHECKING:
    from peercoach_desktop.ui.notebook.window_host import NotebookHost

Undo = tuple[str, Callable[[NotebookStore], Any]]
PURGE_QUESTION = QT_TRANSLATE_NOOP(
    "TrashDialog",
    "Erase this for good? Its words and earlier versions are erased from this notebook, and from "
    "your partner's at the next sync. The encrypted backups of the last days still hold it until "
    "they are rotated out.",
)


def remember(window: NotebookHost, what: str, job: Callable[[NotebookStore], Any]) -> None:
    """Keep what Ctrl+Z undoes (per open notebook; a lock or a switch forgets it)."""
    window.undo_stack.append((what, job))
    del window.undo_stack[:-20]


def delete_current(window: NotebookHost) -> None:
    record_id = window.notebook.current_record_id()
    if record_id is None:
        return
    window.notebook.flush()  # the last second of typing is saved before it goes to the trash
    window.notebook.let_go(record_id)  # the form must not save into a deleted record

    def moved(records: list[Any]) -> None:
        remember(window, f"delete '{trash.label(records[0])[:40]}'", lambda s: trash.restore(s, record_id))
        window.reload_notebook()

    window.access.write(lambda store: trash.delete(store, record_id), moved)


def undo(window: NotebookHost) -> None:
    if not window.undo_stack:
        return
    _what, job = window.undo_stack.pop()
    window.access.write(job, lambda _result: window.reload_notebook())


class TrashDialog(QDialog):
    def __init__(self, window: NotebookHost) -> None:
        super().__init__(window)
        self.setWindowTitle(translate("TrashDialog", "Trash"))
        self.resize(640, 420)
        self.window_ = window
        self.list = named(QListWidget(), "trash_list", translate("TrashDialog", "Trash"))
        restore = named(
            QPushButton(translate("TrashDialog", "&Restore")),
            "trash_restore",
            translate("TrashDialog", "Restore"),
        )
        purge = named(
            QPushButton(translate("TrashDialog", "&Erase for good…")),
            "trash_purge",
            translate("TrashDialog", "Erase for good"),
        )
        restore.clicked.connect(lambda: self._act(trash.restore))
        purge.clicked.connect(self._purge)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(restore)
        buttons.addWidget(purge)
        buttons.addStretch()
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.window_.access.run(trash.items, self._show)

    def _show(self, items: list[trash.TrashItem]) -> None:
        self.list.clear()
        for item in items:
            extra = ""
            if item.with_it:
                extra = " " + translate("TrashDialog", "(with {n} linked)").format(n=number(item.with_it))
            deleted = translate("TrashDialog", "deleted {when}").format(when=local_time(item.deleted_at))
            row = QListWidgetItem(f"{kind_label(item.kind)}: {item.label}{extra} — {deleted}")
            row.setData(256, item.record.id)
            self.list.addItem(row)
        if not items:
            self.list.addItem(QListWidgetItem(translate("TrashDialog", "The trash is empty.")))

    def _chosen(self) -> str | None:
        item = self.list.currentItem()
        return item.data(256) if item is not None else None

    def _act(self, action: Callable[[NotebookStore, str], Any]) -> None:
        record_id = self._chosen()
        if record_id is not None:
            self.window_.access.write(lambda store: action(store, record_id), lambda _r: self._changed())

    def _purge(self) -> None:
        if self._chosen() is not None and ask_yes_no(
            self, translate("TrashDialog", "Erase for good"), translate("TrashDialog", PURGE_QUESTION)
        ):
            self._act(trash.purge)

    def _changed(self) -> None:
        self.refresh()
        self.window_.reload_notebook()


def show_trash(window: NotebookHost) -> None:
    dialog = TrashDialog(window)
    window.dialogs.keep("trash_dialog", dialog)
    dialog.open()
