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
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QFileSystemWatcher, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel

from peercoach_desktop.domain.clock import iso, parse_iso
from peercoach_desktop.domain.errors import PeerCoachError
from peercoach_desktop.sync import exchange
from peercoach_desktop.sync.folder import FolderState, RoundReport, sync_round
from peercoach_desktop.ui.infra.dialogs import message_text
from peercoach_desktop.ui.infra.file_choice import choose_folder
from peercoach_desktop.ui.infra.i18n import number, translate
from peercoach_desktop.ui.infra.widgets import clock_time, local_time

if TYPE_CHECKING:
    from peercoach_desktop.ui.infra.window_host import WindowHost

ROUND_MS = 4000  # a local edit reaches the folder within this (plus the autosave's second)
SETTLE_MS = 300  # the folder changed: let the engine finish its rename first


class SyncFolders(QObject):
    def __init__(self, window: WindowHost) -> None:
        super().__init__(window)  # type: ignore[arg-type]  # a child: no tick outlives the window
        self.window = window
        self.states: dict[str, FolderState] = {}
        self.problem: dict[str, str | None] = {}  # per partnership: what needs the user, if anything
        self.partners: dict[str, str] = {}  # per partnership: the partner's name
        self._last: dict[str, dict[str, str | None]] = {}  # per partnership: last sent, received
        self._busy = False
        self.label: QLabel | None = None  # made with the first status: no empty label before
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _path: self.soon.start())
        self.soon = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self.soon.timeout.connect(self.run_round)
        self.ticker = QTimer(self, interval=ROUND_MS)
        self.ticker.timeout.connect(self.run_round)
        self.ticker.timeout.connect(self.show_status)  # keeps "2 min ago" true: one label, no I/O
        window.access.switched.connect(self.show_status)  # another partnership's line, or none (lock)
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
        if closing:
            self.show_status()  # the partner's name leaves the status bar with the rest
        folders = self.folders()
        if not folders or window.access.workspace is None:
            return
        if not closing and (window.locked or self._busy):
            return  # locked means closed; a round in flight finishes first
        self._busy = True
        workspace = window.workspace
        library = workspace.library
        states = {pid: self.states.setdefault(pid, FolderState()) for pid in folders}
        named = set(self.partners)

        def job() -> dict[str, tuple[RoundReport | PeerCoachError, str | None]]:
            results: dict[str, tuple[RoundReport | PeerCoachError, str | None]] = {}
            for pid, folder in folders.items():
                try:
                    store = workspace.store(pid)
                    descriptor = library.resolve(pid)
                    key = exchange.sync_key(library, descriptor, store)
                    report = sync_round(store, key, descriptor.notebook_id, Path(folder), states[pid])
                    # the partner's name once, and again when their changes came (a rename)
                    name = store.partner().name if pid not in named or report.received else None
                    results[pid] = (report, name)
                except PeerCoachError as exc:
                    results[pid] = (PeerCoachError(exc.template, **exc.fields), None)
            return results

        def failed(_error: BaseException) -> None:
            self._busy = False

        self.window.tasks.run(job, self._done, failed)

    def _done(self, results: dict[str, tuple[RoundReport | PeerCoachError, str | None]]) -> None:
        self._busy = False
        if self.window.locked:
            return
        reload = False
        now = iso(self._now())
        for pid, (result, partner) in results.items():
            if partner is not None:
                self.partners[pid] = partner
            last = self._last.setdefault(pid, {"sent": None, "received": None})
            if isinstance(result, PeerCoachError):
                self.problem[pid] = message_text(result)
                continue
            if result.sent:
                last["sent"] = result.sent
            if result.received:
                last["received"] = now
                reload |= pid == self.window.access.partnership_id
            problems = list(result.outstanding.items())  # the first file in trouble, until it is not
            self.problem[pid] = (
                translate("SyncFolder", "{file}: {problem}").format(
                    file=problems[0][0], problem=message_text(problems[0][1])
                )
                if problems
                else None
            )
        self.show_status()
        if reload:
            self.window.reload_notebook()

    def _now(self) -> datetime:
        return self.window.workspace.library.clock.now()

    def status_text(self, pid: str) -> str:
        """The line for one partnership: the one problem that needs the user, or when it was
        last in step with the partner ("Synced with Ben 2 min ago · sent 18:02 · received 17:55")."""
        if problem := self.problem.get(pid):
            return problem
        last = self._last.get(pid)
        if last is None or not (last["sent"] or last["received"]):
            return ""
        latest = max(t for t in (last["sent"], last["received"]) if t)
        partner, now = self.partners.get(pid, "?"), self._now()
        parts = [synced_text(partner, latest, now)]
        if sent := last["sent"]:
            parts.append(translate("SyncFolder", "sent {time}").format(time=clock_time(sent, now)))
        if received := last["received"]:
            parts.append(translate("SyncFolder", "received {time}").format(time=clock_time(received, now)))
        return " · ".join(parts)

    def show_status(self) -> None:
        """Also on every tick of the poll: "2 min ago" stays true as time passes."""
        pid = self.window.access.partnership_id
        text = self.status_text(pid) if pid and not self.window.locked else ""
        if self.label is None:
            if not text:
                return  # no empty label before the first status
            self.label = QLabel()
            self.label.setObjectName("sync_status")
            self.label.setTextFormat(Qt.TextFormat.PlainText)  # a folder's name is not markup
            self.window.statusBar().addPermanentWidget(self.label)
        self.label.setText(text)


def synced_text(partner: str, moment: str, now: datetime) -> str:
    """'Synced with Ben just now', '… 2 min ago', '… 3 h ago', or the day and time."""
    minutes = int((now - parse_iso(moment)).total_seconds() // 60)
    if minutes < 1:
        return translate("SyncFolder", "Synced with {partner} just now").format(partner=partner)
    if minutes < 60:
        return translate("SyncFolder", "Synced with {partner} {n} min ago").format(
            partner=partner, n=number(minutes)
        )
    if minutes < 24 * 60:
        return translate("SyncFolder", "Synced with {partner} {n} h ago").format(
            partner=partner, n=number(minutes // 60)
        )
    return translate("SyncFolder", "Synced with {partner} on {time}").format(
        partner=partner, time=local_time(moment)
    )
