"""Key rotation: a new random key for a notebook, crash-safe at every step.

The keyring and the file cannot change in one atomic step, so the new key is
first kept in the keyring under a *pending* entry, the file is re-encrypted as a
copy and renamed over the original, and only then is the pending key promoted.
At any crash the file opens with the key in the main entry or with the pending
one; `settle` (run before each open) finishes or rolls back the rotation and says
which key opens the notebook now.

The pending entry and its marker stay until the caller has shown the new recovery
code (`code_shown`): a rotation killed after the swap but before the code reached
the user is found by the next open, which names the new code in its notice. So at
every instant the user holds, or is about to be shown, a code that opens the file.

Only keyring notebooks are rotated here; rotating the partners' shared sync key
belongs to sync.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, KeyringError, PeerCoachError, UsageError
from peercoach_desktop.storage import database, notebook_file
from peercoach_desktop.storage.storage_errors import explain, storage_errors
from peercoach_desktop.system.files import fsync_dir, write_atomic
from peercoach_desktop.vault import backup, recovery

# CRASH_ENV and CRASH_EXIT are re-exported: the crash tests name them through this module.
from peercoach_desktop.vault.crash_points import CRASH_ENV as CRASH_ENV
from peercoach_desktop.vault.crash_points import CRASH_EXIT as CRASH_EXIT
from peercoach_desktop.vault.crash_points import crash_point
from peercoach_desktop.vault.descriptors import KEY_MODE_KEYRING, Descriptor
from peercoach_desktop.vault.library import Library

BUSY_MS = 2000
OLD, NEW = "old", "new"


class NotebookBusyError(PeerCoachError):
    """Another program has the notebook open, so it cannot be changed as a whole."""


@dataclass(frozen=True)
class Rekeyed:
    descriptor: Descriptor
    recovery_code: str
    fresh_backup: Path | None  # today's daily backup, rewritten with the new key
    old_backups: list[Path]  # earlier backups: they still open only with the OLD code


@dataclass(frozen=True)
class Settled:
    """An interrupted rotation was finished or rolled back when the notebook was opened."""

    notebook_id: str
    opens_with: str  # OLD or NEW
    recovery_code: str | None = None  # NEW: the code that opens it now, until it has been shown

    @property
    def message(self) -> str:
        if self.opens_with == OLD:
            return (
                "A key change of this notebook was interrupted before it changed the file; it was "
                "rolled back: the notebook opens with its previous key and recovery code."
            )
        return (
            "A key change of this notebook was interrupted after the file was re-encrypted; it was "
            "completed: the notebook opens with the NEW key and the old recovery code no longer works. "
            "Its new recovery code (keep it somewhere safe, away from this laptop):\n"
            f"  {self.recovery_code}"
        )


def pending_entry(notebook_id: str) -> str:
    return f"{notebook_id}.pending"


def _marker(descriptor: Descriptor) -> Path:
    # An empty file that says "a key may be pending": every open checks it with one stat()
    # instead of one more keyring lookup (~25 ms through the Secret Service).
    return descriptor.folder / f".{descriptor.notebook_id}.key-pending"


def is_pending(descriptor: Descriptor) -> bool:
    """Whether a key change may be half done (settle() decides, and says so to the user)."""
    return _marker(descriptor).exists()


def stage_pending(library: Library, descriptor: Descriptor, key: bytes) -> None:
    write_atomic(_marker(descriptor), b"")
    crash_point("marked")
    library.keystore.put(pending_entry(descriptor.notebook_id), key)


def clear_pending(library: Library, descriptor: Descriptor) -> None:
    library.keystore.delete(pending_entry(descriptor.notebook_id))
    with contextlib.suppress(FileNotFoundError):
        _marker(descriptor).unlink()
    library.rotating.discard(descriptor.notebook_id)


def code_shown(library: Library, descriptor: Descriptor) -> None:
    """The new recovery code has reached the user: the rotation needs no reminder any more."""
    clear_pending(library, descriptor)


def _scratch(descriptor: Descriptor) -> Path:
    return descriptor.folder / f".{descriptor.path.name}.rekey"


def _remove_scratch(descriptor: Descriptor) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{_scratch(descriptor)}{suffix}").unlink()


def settle(library: Library, descriptor: Descriptor) -> Settled | None:
    """Finish or roll back a rotation that a crash interrupted; None when there was none."""
    if not descriptor.path.exists() or not _marker(descriptor).exists():
        return None
    if descriptor.notebook_id in library.rotating:
        return None  # this process rotates it right now and shows the code itself
    keystore, nid = library.keystore, descriptor.notebook_id
    try:
        pending = keystore.get(pending_entry(nid))
    except KeyringError:
        return None  # the keyring is unreachable now: try again at the next open
    if pending is None:
        clear_pending(library, descriptor)  # crashed before the pending key was stored
        _remove_scratch(descriptor)
        return None
    # A passphrase notebook's key needs its passphrase; only a restore gives it a pending key.
    current = keystore.get(nid) if descriptor.kdf is None else None
    current_opens = notebook_file.key_opens(descriptor.path, current) if current is not None else False
    if current_opens is None:
        return None  # a rotation is running in another process right now: leave it alone
    if current_opens and current != pending:
        clear_pending(library, descriptor)
        _remove_scratch(descriptor)
        return Settled(nid, OLD)
    if current_opens:
        _remove_scratch(descriptor)
        # Promoted, but the process may have died before the code was shown: the marker and
        # pending entry stay until the caller has shown this notice (code_shown).
        return Settled(nid, NEW, recovery.encode(pending))
    pending_opens = notebook_file.key_opens(descriptor.path, pending)
    if pending_opens:
        keystore.put(nid, pending)
        if descriptor.kdf is not None:
            keyring = dataclasses.replace(descriptor, key_mode=KEY_MODE_KEYRING, kdf=None)
            write_atomic(keyring.descriptor_path, keyring.to_json())
        return Settled(nid, NEW, recovery.encode(pending))
    if pending_opens is False and descriptor.kdf is not None:
        clear_pending(library, descriptor)  # the swap never happened; the passphrase still opens it
        _remove_scratch(descriptor)
        return Settled(nid, OLD)
    return None  # neither key opens it: the normal open reports that, nothing is touched


def _is_busy(exc: sqlcipher3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def lock_exclusively(path: Path, key: bytes) -> sqlcipher3.Connection:
    """Open with the key and hold the only lock on the file, with its WAL folded in.

    Leaving WAL mode needs every other connection closed, so this also proves no
    other program (the app, another command) has the notebook open."""
    conn = database.connect(path, key)
    try:
        notebook_file.wait_when_busy(conn, BUSY_MS)
        if not notebook_file.leave_wal(conn):
            raise sqlcipher3.OperationalError("locked")
        notebook_file.begin_exclusive(conn)
    except sqlcipher3.OperationalError as exc:
        conn.close()
        if not _is_busy(exc):  # a full disk or an I/O error is not "open elsewhere"
            mapped = explain(exc)
            if mapped is not None:
                raise mapped from None
            raise
        raise NotebookBusyError(
            QT_TRANSLATE_NOOP(
                "Core",
                "The notebook is open in another program (PeerCoach Desktop or another peercoach "
                "command); close it there and try again. Nothing was changed.",
            )
        ) from None
    return conn


def rekey(library: Library, descriptor: Descriptor) -> Rekeyed:
    """Re-encrypt the notebook with a new random key; old key and old code stop working."""
    if descriptor.kdf is not None:
        raise UsageError(
            QT_TRANSLATE_NOOP(
                "Core",
                "This notebook is protected by a passphrase; key rotation is for keyring notebooks. "
                "Run 'peercoach recover' with its recovery code to move it to the keyring first.",
            )
        )
    if settle(library, descriptor) is not None:
        clear_pending(library, descriptor)  # the code this rotation shows supersedes that one
    old_key = library.key_for(descriptor)
    new_key = os.urandom(32)
    conn = lock_exclusively(descriptor.path, old_key)
    crash_point("locked")
    scratch = _scratch(descriptor)
    library.rotating.add(descriptor.notebook_id)
    try:
        stage_pending(library, descriptor, new_key)
        crash_point("pending-stored")
        _remove_scratch(descriptor)
        _write_rekeyed_copy(descriptor.path, scratch, old_key, new_key)
        crash_point("copy-written")
        os.replace(scratch, descriptor.path)
    except BaseException:
        conn.close()
        library.rotating.discard(descriptor.notebook_id)
        # Undo only if the old file is still in place; after the swap the pending key is
        # the only one that opens it, and the next open promotes it.
        if notebook_file.key_opens(descriptor.path, old_key):
            _remove_scratch(descriptor)
            with contextlib.suppress(PeerCoachError):
                clear_pending(library, descriptor)
        raise
    conn.close()  # it held the lock on the old file, which is gone now
    fsync_dir(descriptor.folder)
    crash_point("renamed")
    library.keystore.put(descriptor.notebook_id, new_key)
    crash_point("promoted")
    # The pending entry and marker stay until the caller calls code_shown: dying from here
    # on (in the backup, before the code is printed) leaves the next open to show the code.
    fresh = _fresh_backup(library, descriptor, new_key)
    old = [p for p in backup.all_backups(library, descriptor) if p != fresh]
    return Rekeyed(descriptor, recovery.encode(new_key), fresh, old)


def _fresh_backup(library: Library, descriptor: Descriptor, key: bytes) -> Path | None:
    # Today's backup is replaced by one under the new key, so a backup that the new
    # code opens exists at once. Older ones are left as they are (see the report).
    try:
        with storage_errors():
            return backup.write_backup(descriptor.path, key, backup.daily_target(library, descriptor))
    except (OSError, PeerCoachError):
        library.notices.append(
            "A backup under the new key could not be written; take one with peercoach backup."
        )
        return None


def _write_rekeyed_copy(source: Path, scratch: Path, old_key: bytes, new_key: bytes) -> None:
    # The source is locked and out of WAL mode, so its bytes on disk are the whole notebook.
    with open(source, "rb") as src, open(scratch, "xb") as dst:
        os.chmod(scratch, 0o600)
        while chunk := src.read(1 << 20):
            dst.write(chunk)
    conn = database.connect(scratch, old_key)
    try:
        notebook_file.change_key(conn, new_key)
    finally:
        conn.close()
    with open(scratch, "rb+") as handle:
        os.fsync(handle.fileno())
    database.connect(scratch, new_key).close()  # proof before it replaces anything
