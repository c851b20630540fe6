"""The open notebook of the selected partnership, reached only through the worker.

Views ask `access.run(job, on_done)` where `job(store)` runs on the worker thread.
An answer that arrives after the user switched partnership (or locked) is dropped,
so a view never shows one notebook's words under another's title.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from peercoach_desktop.ui.infra.tasks import Tasks

if TYPE_CHECKING:
    from peercoach_desktop.storage.store import NotebookStore
    from peercoach_desktop.vault.workspace import Workspace

StoreJob = Callable[["NotebookStore"], Any]


class NotebookAccess(QObject):
    changed = Signal()  # a write went through: views that show derived data refresh
    switched = Signal()  # another partnership (or none) is selected

    def __init__(self, tasks: Tasks, workspace: Workspace | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.workspace = workspace
        self.partnership_id: str | None = None
        self._generation = 0

    def select(self, partnership_id: str | None) -> None:
        self.partnership_id = partnership_id
        self._generation += 1
        self.switched.emit()

    def run(self, job: StoreJob, on_done: Callable[[Any], None] | None = None) -> bool:
        """Run job(store) on the worker; False when no notebook is selected."""
        pid, generation, workspace = self.partnership_id, self._generation, self.workspace
        if pid is None or workspace is None:
            return False
        store_of = workspace.store

        def deliver(result: Any) -> None:
            if generation == self._generation and on_done is not None:
                on_done(result)

        self.tasks.run(lambda: job(store_of(pid)), deliver)
        return True

    def write(self, job: StoreJob, on_done: Callable[[Any], None] | None = None) -> bool:
        """Like run, for changes: afterwards every view showing derived data refreshes."""

        def done(result: Any) -> None:
            if on_done is not None:
                on_done(result)
            self.changed.emit()

        return self.run(job, done)
