"""The watched sync folder: our own sync file goes in, the partner's files come out.

A folder carried by Syncthing, Nextcloud or Dropbox (or a plain shared folder) holds one file
per laptop (file_names.py). A round (`sync_round`) writes our file when our shared records
changed since we last wrote it, then imports every file of this partnership whose bytes changed
since we last read them: the partner's, and the engines' conflict copies of anyone's, since the
merge is idempotent and commutative, importing all of them is safe and loses nothing. It skips
what engines are still writing (their temporary and partial names), lock files, and files of
other partnerships; a bad or foreign file is reported (once) and never blocks the others.

Pure of Qt and of timing: the window (ui/partners/sync_folder.py) and `peercoach sync --folder`
decide when a round runs. `FolderState` is what one process remembers between rounds; what it
sent and read is also kept in the notebook (local meta, never synced), so that a `peercoach sync`
run from cron neither rewrites an unchanged file (which the engine would carry and the partner
would import again) nor imports unchanged partner files again.
"""

from __future__ import annotations

import contextlib
import fnmatch
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peercoach_desktop.domain.errors import (
    QT_TRANSLATE_NOOP,
    InputFileError,
    OwnFileError,
    PeerCoachError,
    UsageError,
)
from peercoach_desktop.domain.merge import Counts
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.sync import exchange, file_names, sync_file

# Names sync engines and editors use while a file is still arriving or locked. Our own temporary
# name is Syncthing's pattern, which Syncthing never transfers; the rename that follows is atomic.
IGNORED = (".syncthing.*.tmp", "~syncthing~*.tmp", "*.part", "*.partial", "~*", ".~lock*", "*.tmp", ".*")


def is_ignored(name: str) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for pattern in IGNORED)


def candidates(names: list[str], partnership_id: str, own_name: str) -> list[str]:
    """The names worth reading for this partnership, in a stable order. Our own file is skipped
    by name; a conflict copy of it is read and recognised by its sender (harmless)."""
    return sorted(
        n
        for n in names
        if n != own_name and not is_ignored(n) and file_names.may_belong_to(n, partnership_id)
    )


def write_file(folder: Path, name: str, data: bytes) -> Path:
    """Write atomically under a temporary name the engines ignore, then rename."""
    target = folder / name
    partial = folder / f".syncthing.{name}.tmp"
    try:
        with open(partial, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        raise
    return target


def fingerprint(entries: list[Any]) -> str:
    """Which shared versions a file would carry: unchanged means nothing new to send."""
    h = hashlib.sha256()
    for e in sorted(entries, key=lambda e: (e.kind, e.record.id, e.version)):
        h.update(f"{e.kind}\0{e.record.id}\0{e.version}\n".encode())
    return h.hexdigest()


@dataclass
class FolderState:
    """What one process remembers between rounds for one partnership and folder."""

    sent_fingerprint: str = ""
    sent_token: str | None = None  # the notebook's clock when we last checked: unchanged, no scan
    read: dict[str, str] = field(default_factory=dict)  # name -> sha256 of the bytes last handled
    stats: dict[str, tuple[int, int]] = field(default_factory=dict)  # name -> (size, mtime) last read
    reported: dict[str, str] = field(default_factory=dict)  # name -> problem already told
    sent_stat: tuple[int, int] | None = None  # (size, mtime) of our file as we wrote it
    recalled: bool = False  # whether the notebook's memory of earlier rounds was read


@dataclass
class RoundReport:
    sent: str | None = None  # time our file was written in this round, or None
    received: list[str] = field(default_factory=list)  # names imported in this round
    counts: Counts = field(default_factory=Counts)
    problems: dict[str, PeerCoachError] = field(default_factory=dict)  # new problems only, by name

    def to_dict(self) -> dict[str, Any]:
        return {
            "sent": self.sent,
            "received": self.received,
            **self.counts.as_dict(),
            "problems": [{"file": n, "problem": str(p)} for n, p in sorted(self.problems.items())],
        }


NOT_A_FOLDER = QT_TRANSLATE_NOOP("Core", "The sync folder {folder} does not exist or is not a folder.")
UNREADABLE = QT_TRANSLATE_NOOP("Core", "This file could not be read: {reason}.")


def sync_round(
    store: NotebookStore, key: bytes, notebook_id: str, folder: Path, state: FolderState, *, send: bool = True
) -> RoundReport:
    """One round: import what changed, then write our file if our shared records changed (so
    what we send already holds what we just received)."""
    if not folder.is_dir():
        raise UsageError(NOT_A_FOLDER, folder=str(folder))
    report = RoundReport()
    own = file_names.sync_file_name(store.partnership_id, store.me_id, notebook_id)
    if not state.recalled:
        _recall(store, own, state)
    before = _memory(state)
    try:
        names = [p.name for p in folder.iterdir() if p.is_file()]
    except OSError as exc:
        raise UsageError(NOT_A_FOLDER, folder=str(folder)) from exc
    for name in candidates(names, store.partnership_id, own):
        _import_one(store, key, folder / name, state, report)
    state.read = {n: d for n, d in state.read.items() if n in names}  # gone files: forgotten
    # The clock moves with every write to the notebook: an idle round reads no records.
    token = store.meta("hlc")
    ours = _stat(folder / own)
    # Rewritten when our records changed, or when our file is gone or not the one we wrote (an
    # engine may put an older copy in its place after a conflict).
    if send and (token != state.sent_token or ours != state.sent_stat):
        state.sent_token = token
        entries = sync_file.shared_entries(store.sync_state())
        print_ = fingerprint(entries)
        if print_ != state.sent_fingerprint or ours != state.sent_stat:
            now = store.now()
            header = sync_file.SyncHeader(sync_file.FORMAT, store.partnership_id, store.me_id, now)
            state.sent_stat = _stat(write_file(folder, own, sync_file.encode(header, entries, key)))
            state.sent_fingerprint = print_
            report.sent = now
    if _memory(state) != before:
        with store.writing() as work:
            work.set_meta(_memory_key(own), json.dumps(_memory(state)))
    return report


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_size, stat.st_mtime_ns)


def _memory_key(own: str) -> str:
    return f"sync_folder:{own}"


def _memory(state: FolderState) -> dict[str, Any]:
    """What later processes need: what we sent and what we read (not the clock token: a new
    process compares fingerprints once, which is cheap next to a rewrite and a re-import)."""
    return {
        "sent": state.sent_fingerprint,
        "sent_stat": list(state.sent_stat) if state.sent_stat else None,
        "read": dict(sorted(state.read.items())),
    }


def _recall(store: NotebookStore, own: str, state: FolderState) -> None:
    state.recalled = True
    raw = store.meta(_memory_key(own))
    if not raw:
        return
    try:
        memory = json.loads(raw)
        sent, stat, read = memory["sent"], memory["sent_stat"], memory["read"]
    except (ValueError, KeyError, TypeError):
        return  # our own meta, but unreadable: start afresh (costs one rewrite and re-import)
    if isinstance(sent, str):
        state.sent_fingerprint = sent
    if isinstance(stat, list) and len(stat) == 2 and all(isinstance(n, int) for n in stat):
        state.sent_stat = (stat[0], stat[1])
    if isinstance(read, dict):
        state.read.update({n: d for n, d in read.items() if isinstance(n, str) and isinstance(d, str)})


def _import_one(
    store: NotebookStore, key: bytes, path: Path, state: FolderState, report: RoundReport
) -> None:
    name = path.name
    try:
        stat = path.stat()
        seen = (stat.st_size, stat.st_mtime_ns)
        if state.stats.get(name) == seen:
            return  # an idle folder costs a listing and a stat per file
        state.stats[name] = seen
        data = sync_file.read_file(path)  # the one bounded reader: regular files, format's size
    except InputFileError:
        if not path.exists():
            return  # replaced or removed between listing and reading: the next round sees it
        raise
    except FileNotFoundError:
        return  # replaced or removed between listing and reading: the next round sees it
    except OSError as exc:
        _problem(state, report, name, PeerCoachError(UNREADABLE, reason=str(exc.strerror or exc)))
        return
    except PeerCoachError as exc:
        _problem(state, report, name, exc)
        return
    digest = hashlib.sha256(data).hexdigest()
    if state.read.get(name) == digest:
        return
    try:
        result = exchange.apply_import_bytes(store, data, key)
    except OwnFileError:
        state.read[name] = digest  # a copy of our own file (an engine's conflict copy)
        return
    except PeerCoachError as exc:
        state.read[name] = digest  # the same bytes fail the same way: told once
        _problem(state, report, name, exc)
        return
    state.read[name] = digest
    state.reported.pop(name, None)
    report.received.append(name)
    for k, v in result.counts.as_dict().items():
        setattr(report.counts, k, getattr(report.counts, k) + v)


def _problem(state: FolderState, report: RoundReport, name: str, error: PeerCoachError) -> None:
    if state.reported.get(name) != str(error):
        state.reported[name] = str(error)
        report.problems[name] = PeerCoachError(error.template, **error.fields)  # no traceback kept
