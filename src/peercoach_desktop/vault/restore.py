"""Restoring a backup with nothing but its recovery code (a new laptop, no keyring entry).

The backup is copied into the data dir first and checked there, so the user's file
(on a USB stick, say) is only ever read. A notebook that already exists here is
never overwritten silently: the caller must choose to restore *beside* it (a
separate local copy with its own ids) or to *replace* it, and a replaced notebook
is first kept, still encrypted, in backups/replaced/.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from peercoach_desktop.domain.clock import iso
from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, NotFoundError, PeerCoachError, WrongKeyError
from peercoach_desktop.domain.ids import new_id
from peercoach_desktop.storage import database, notebook_file
from peercoach_desktop.system.bounded_input import copy_handed_file
from peercoach_desktop.system.files import (
    copy_atomic,
    ensure_private_dir,
    fsync_dir,
    write_atomic,
)
from peercoach_desktop.vault import recovery, rekey
from peercoach_desktop.vault.descriptors import KEY_MODE_KEYRING, Descriptor
from peercoach_desktop.vault.library import Library

REFUSE, BESIDE, REPLACE = "refuse", "beside", "replace"
WHAT = QT_TRANSLATE_NOOP("Core", "backup file")
# A notebook of 100k notes with its search index is ~0.3 GB; a backup is that one file.
MAX_BACKUP_BYTES = 4 * 1024 * 1024 * 1024
REPLACED_DIR = "replaced"
CONFLICT_DATES = QT_TRANSLATE_NOOP(
    "Core",
    "Partnership {partnership} already has a notebook here (last changed {here}); the backup was "
    "last changed {backup}. Nothing was changed. Restore it beside the current one with --beside, "
    "or replace the current one with --replace (which first keeps it, encrypted, in backups/replaced/).",
)
CONFLICT_BACKUP_UNDATED = QT_TRANSLATE_NOOP(
    "Core",
    "Partnership {partnership} already has a notebook here (last changed {here}); the backup was "
    "last changed at an unknown time. Nothing was changed. Restore it beside the current one with "
    "--beside, or replace the current one with --replace (which first keeps it, encrypted, in "
    "backups/replaced/).",
)
CONFLICT_HERE_UNDATED = QT_TRANSLATE_NOOP(
    "Core",
    "Partnership {partnership} already has a notebook here (its date unknown); the backup was "
    "last changed {backup}. Nothing was changed. Restore it beside the current one with --beside, "
    "or replace the current one with --replace (which first keeps it, encrypted, in backups/replaced/).",
)
CONFLICT_UNDATED = QT_TRANSLATE_NOOP(
    "Core",
    "Partnership {partnership} already has a notebook here (its date unknown); the backup was "
    "last changed at an unknown time. Nothing was changed. Restore it beside the current one with "
    "--beside, or replace the current one with --replace (which first keeps it, encrypted, in "
    "backups/replaced/).",
)


class RestoreConflictError(PeerCoachError):
    """The backup's notebook already exists here and the caller did not say what to do."""

    def __init__(self, message: str, partnership_id: str = "", **fields: object) -> None:
        super().__init__(message, **fields)
        self.partnership_id = partnership_id  # the notebook here that a replace would close


@dataclass(frozen=True)
class BackupInfo:
    notebook_id: str
    partnership_id: str
    title: str
    last_change: str | None  # newest updated_at of any record, UTC ISO


@dataclass(frozen=True)
class Restored:
    descriptor: Descriptor
    how: str  # "new", BESIDE or REPLACE
    title: str
    replaced_copy: Path | None = None  # where the notebook it replaced was kept


def read_info(conn: sqlcipher3.Connection) -> BackupInfo:
    facts = notebook_file.file_facts(conn)
    return BackupInfo(facts.notebook_id, facts.partnership_id, facts.title, facts.last_change)


def _open_backup(path: Path, key: bytes) -> sqlcipher3.Connection:
    try:
        conn = database.connect(path, key)
    except WrongKeyError:
        raise WrongKeyError(
            QT_TRANSLATE_NOOP(
                "Core",
                "This recovery code does not open the backup (or the file is damaged). A backup made "
                "before a key change opens only with the code that was current when it was made.",
            )
        ) from None
    try:
        database.check_openable(conn)
        if notebook_file.integrity_problems(conn):
            raise _damaged()
    except sqlcipher3.DatabaseError:
        conn.close()
        raise _damaged() from None  # a page so broken that the check itself gives up
    except BaseException:
        conn.close()
        raise
    return conn


def _damaged() -> PeerCoachError:
    return PeerCoachError(QT_TRANSLATE_NOOP("Core", "The backup file is damaged; nothing was restored."))


def restore(library: Library, source: Path, code: str, *, conflict: str = REFUSE) -> Restored:
    """Bring the backup at source into this data dir, opened by its recovery code alone."""
    key = recovery.decode(code)
    if not source.exists():
        raise NotFoundError(QT_TRANSLATE_NOOP("Core", "There is no backup file at {source}."), source=source)
    ensure_private_dir(library.notebooks_dir)
    staging = library.notebooks_dir / f".restore-{new_id()}.partial"
    try:
        # Bounded and from the one descriptor that was checked: no FIFO, device or endless file.
        copy_handed_file(source, staging, max_bytes=MAX_BACKUP_BYTES, what=WHAT)
        conn = _open_backup(staging, key)
        try:
            try:
                info = read_info(conn)
            except (sqlcipher3.DatabaseError, KeyError, TypeError):
                raise _damaged() from None  # checked, yet its meta or tables do not read back
            existing = _existing(library, info)
            if existing is not None and conflict == BESIDE:
                info = _fork(conn, info, library)
        finally:
            conn.close()
        if existing is None or conflict == BESIDE:
            return _install_new(library, staging, key, info, BESIDE if existing else "new")
        if conflict == REPLACE:
            return _replace(library, staging, key, info, existing)
        raise _conflict(library, info, existing)
    finally:
        for suffix in ("", "-journal", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{staging}{suffix}").unlink()


def _existing(library: Library, info: BackupInfo) -> Descriptor | None:
    for d in library.descriptors():
        if d.notebook_id == info.notebook_id or d.partnership_id == info.partnership_id:
            return d
    return None


def _current_info(library: Library, existing: Descriptor) -> BackupInfo | None:
    key = library.keystore.get(existing.notebook_id) if existing.kdf is None else None
    if key is None or not existing.path.exists():
        return None
    try:
        conn = database.connect(existing.path, key)
    except PeerCoachError:
        return None
    try:
        return read_info(conn)
    finally:
        conn.close()


def _conflict(library: Library, info: BackupInfo, existing: Descriptor) -> RestoreConflictError:
    current = _current_info(library, existing)
    here = current.last_change if current else None
    return RestoreConflictError(
        (CONFLICT_DATES if info.last_change else CONFLICT_BACKUP_UNDATED)
        if here
        else (CONFLICT_HERE_UNDATED if info.last_change else CONFLICT_UNDATED),
        existing.partnership_id,
        partnership=existing.partnership_id[:8],
        here=here,
        backup=info.last_change,
    )


def _fork(conn: sqlcipher3.Connection, info: BackupInfo, library: Library) -> BackupInfo:
    """New local ids for a copy restored beside its original, so the two never collide
    (in the keyring, in the window's list, or in a sync with the partner)."""
    notebook_id, partnership_id = new_id(), new_id()
    day = library.clock.now().astimezone().date().isoformat()
    title = f"{info.title} (restored {day})"
    notebook_file.reidentify(conn, notebook_id=notebook_id, partnership_id=partnership_id, title=title)
    return BackupInfo(notebook_id, partnership_id, title, info.last_change)


def _install_new(library: Library, staging: Path, key: bytes, info: BackupInfo, how: str) -> Restored:
    descriptor = Descriptor(
        notebook_id=info.notebook_id,
        partnership_id=info.partnership_id,
        created_at=iso(library.clock.now()),
        key_mode=KEY_MODE_KEYRING,
        kdf=None,
        folder=library.notebooks_dir,
    )
    library.keystore.put(descriptor.notebook_id, key)  # keyring first: it may refuse
    try:
        os.replace(staging, descriptor.path)
        fsync_dir(descriptor.folder)
        write_atomic(descriptor.descriptor_path, descriptor.to_json())  # last: now it is listed
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            descriptor.path.unlink()
        with contextlib.suppress(PeerCoachError):
            library.keystore.delete(descriptor.notebook_id)
        raise
    return Restored(descriptor, how, info.title)


def _replace(library: Library, staging: Path, key: bytes, info: BackupInfo, existing: Descriptor) -> Restored:
    """Keep the current file, then swap in the backup with the same pending-key steps as a
    key rotation, so a crash leaves a notebook that opens with one of the two keys."""
    if existing.notebook_id != info.notebook_id:
        conn = database.connect(staging, key)
        try:
            notebook_file.set_notebook_id(conn, existing.notebook_id)
        finally:
            conn.close()
    stamp = library.clock.now().astimezone().strftime("%Y%m%dT%H%M%S")
    kept = library.backups_dir / REPLACED_DIR / f"{existing.notebook_id}-{stamp}{existing.path.suffix}"
    lock = _lock_current(library, existing)
    had_file = existing.path.exists()
    try:
        if had_file:
            ensure_private_dir(library.backups_dir)
            ensure_private_dir(kept.parent)
            copy_atomic(existing.path, kept)  # still encrypted with the old key
        rekey.stage_pending(library, existing, key)
        os.replace(staging, existing.path)
    except BaseException:
        if staging.exists():  # not swapped: the current file and its key stay as they were
            with contextlib.suppress(PeerCoachError):
                rekey.clear_pending(library, existing)
        raise
    finally:
        if lock is not None:
            lock.close()
    fsync_dir(existing.folder)
    rekey.crash_point("restore-renamed")
    library.keystore.put(existing.notebook_id, key)
    rekey.clear_pending(library, existing)
    descriptor = dataclasses.replace(existing, key_mode=KEY_MODE_KEYRING, kdf=None)
    write_atomic(descriptor.descriptor_path, descriptor.to_json())
    return Restored(descriptor, REPLACE, info.title, kept if had_file else None)


def _lock_current(library: Library, existing: Descriptor) -> sqlcipher3.Connection | None:
    """Fold the current notebook's WAL into it and hold it, so no -wal of the old file is
    ever applied to the restored one. Without its key, a leftover -wal stops the restore."""
    key = library.keystore.get(existing.notebook_id) if existing.kdf is None else None
    if key is not None and existing.path.exists():
        with contextlib.suppress(WrongKeyError):
            return rekey.lock_exclusively(existing.path, key)
    wal = Path(f"{existing.path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise PeerCoachError(
            QT_TRANSLATE_NOOP(
                "Core",
                "The current notebook has unsaved journal data and its key is not in the keyring; "
                "restore beside it with --beside instead. Nothing was changed.",
            )
        )
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{existing.path}{suffix}").unlink()
    return None
