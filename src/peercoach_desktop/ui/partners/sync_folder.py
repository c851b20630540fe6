"""Partner ▸ Sync folder…: keep each partnership in step through a folder a sync tool carries.

The controller runs one round (sync/folder.py) per configured partnership on the notebook
worker: when the folder changes (QFileSystemWatcher, after a short settle), and on a timer every
few seconds, which both sends local edits within ROUND_MS and catches folders that report no
changes (network and FUSE mounts). An idle round is a listing, a stat per file and one meta read.
Locked means closed: a last round is queued before the notebooks close (at lock and at quit),
then none runs while the window is locked; the first tick after unlock catches up. Each
partnership has one status line, shown in the status bar for the one on screen.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QFileSystemWatcher, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel

from peercoach_desktop.domain.clock import iso
from peercoach_desktop.domain.errors import PeerCoachError
from peercoach_desktop.sync import exchange
from peercoach_desktop.sync.folder import FolderState, RoundReport, sync_round
from peercoach_desktop.ui.infra.dialogs import message_text
from peercoach_desktop.ui.infra.file_choice import choose_folder
from peercoach_desktop.ui.infra.i18n import translate
from peercoach_desktop.ui.infra.widgets import local_time

if TYPE_CHECKING:
    from peercoach_desktop.ui.infra.window_host import WindowHost

ROUND_MS = 4000  # a local edit reaches the folder within this (plus the autosave's second)
SETTLE_MS = 300  # the folder changed: let the engine finish its rename first


class SyncFolders(QObject):
    def __init__(self, window: WindowHost) -> None:
        super().__init__()
        self.window = window
        self.states: dict[str, FolderState] = {}
        self.status: dict[str, str] = {}
        self._last: dict[str, dict[str, str | None]] = {}
        self._busy = False
        self.label: QLabel | None = None  # made with the first status: no empty label before
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _path: self.soon.start())
        self.soon = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self.soon.timeout.connect(self.run_round)
        self.ticker = QTimer(self, interval=ROUND_MS)
        self.ticker.timeout.connect(self.run_round)
        self._watch()
        window.installEventFilter(self)

    def folders(self) -> dict[str, str]:
        try:
            value = json.loads(self.window.preferences.get("sync_folders"))
        except ValueError:
            return {}
        return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}

    def choose(self) -> None:
        pid = self.window.access.partnership_id
        if pid is None:
            return
        chosen = choose_folder(
            self.window, translate("SyncFolder", "Choose the folder your sync tool shares")
        )
        if not chosen:
            return
        folders = self.folders() | {pid: chosen}
        self.window.preferences.set("sync_folders", json.dumps(folders))
        self.states[pid] = FolderState()
        self._watch()
        self.run_round()

    def _watch(self) -> None:
        folders = sorted(set(self.folders().values()))
        if self.watcher.directories():
            self.watcher.removePaths(self.watcher.directories())
        existing = [f for f in folders if Path(f).is_dir()]
        if existing:
            self.watcher.addPaths(existing)
        if folders:
            self.ticker.start()
        else:
            self.ticker.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and watched is self.window:
            self.run_round(closing=True)  # queued before the window's close_all: our last edits go out
        return False

    def run_round(self, *, closing: bool = False) -> None:
        """closing: the last round before the notebooks close (lock, quit), queued on the worker
        ahead of their closing; its result is not shown."""
        window = self.window
        folders = self.folders()
        if not folders or window.access.workspace is None:
            return
        if not closing and (window.locked or self._busy):
            return  # locked means closed; a round in flight finishes first
        self._busy = True
        workspace = window.workspace
        library = workspace.library
        states = {pid: self.states.setdefault(pid, FolderState()) for pid in folders}

        def job() -> dict[str, RoundReport | PeerCoachError]:
            results: dict[str, RoundReport | PeerCoachError] = {}
            for pid, folder in folders.items():
                try:
                    store = workspace.store(pid)
                    descriptor = library.resolve(pid)
                    key = exchange.sync_key(library, descriptor, store)
                    results[pid] = sync_round(store, key, descriptor.notebook_id, Path(folder), states[pid])
                except PeerCoachError as exc:
                    results[pid] = PeerCoachError(exc.template, **exc.fields)
            return results

        def failed(_error: BaseException) -> None:
            self._busy = False

        self.window.tasks.run(job, self._done, failed)

    def _done(self, results: dict[str, RoundReport | PeerCoachError]) -> None:
        self._busy = False
        if self.window.locked:
            return
        reload = False
        for pid, result in results.items():
            last = self._last.setdefault(pid, {"sent": None, "received": None})
            if isinstance(result, PeerCoachError):
                self.status[pid] = message_text(result)
                continue
            if result.sent:
                last["sent"] = result.sent
            if result.received:
                last["received"] = iso(self.window.workspace.library.clock.now())
                reload |= pid == self.window.access.partnership_id
            problems = list(result.problems.values())
            self.status[pid] = message_text(problems[0]) if problems else self._synced(last)
        self.show_status()
        if reload:
            self.window.reload_notebook()

    def _synced(self, last: dict[str, str | None]) -> str:
        parts = [translate("SyncFolder", "Sync folder in step")]
        if last["sent"]:
            parts.append(translate("SyncFolder", "sent {time}").format(time=local_time(last["sent"])))
        if last["received"]:
            parts.append(translate("SyncFolder", "received {time}").format(time=local_time(last["received"])))
        return " · ".join(parts)

    def show_status(self) -> None:
        if self.label is None:
            self.label = QLabel()
            self.label.setObjectName("sync_status")
            self.label.setTextFormat(Qt.TextFormat.PlainText)  # a folder's name is not markup
            self.window.statusBar().addPermanentWidget(self.label)
        pid = self.window.access.partnership_id
        self.label.setText(self.status.get(pid, "") if pid else "")
