"""Encrypted backups of a notebook: on demand, and one per day of use.

A backup is a plain SQLCipher file encrypted with the notebook's own raw key, so
the recovery code (which is that key) opens it anywhere, even with a different
SQLCipher build; the ids it needs to be restored live in its encrypted meta table.
It is the encrypted file copied as it stands once every committed transaction is in it,
under the write lock (a consistent state even while the app keeps writing); when writes keep
getting in between, SQLite's online backup in one step instead.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from peercoach_desktop.domain.errors import PeerCoachError
from peercoach_desktop.storage import database, notebook_file
from peercoach_desktop.storage.storage_errors import storage_errors
from peercoach_desktop.system.files import PRIVATE_FILE_MODE, ensure_private_dir, fsync_dir
from peercoach_desktop.vault.crash_points import crash_point
from peercoach_desktop.vault.descriptors import NOTEBOOK_SUFFIX, Descriptor, PassphraseSource
from peercoach_desktop.vault.library import Library

DEFAULT_KEEP = 7  # daily backups kept per notebook: the one place this default lives
DAILY_DIR = "daily"
BUSY_MS = 5000
COPY_ATTEMPTS = 2  # a write or a reader in the way: once more, then the online backup


def write_backup(source: Path, key: bytes, target: Path) -> Path:
    """Snapshot the notebook at source into target (atomically), encrypted with the same key."""
    ensure_private_dir(target.parent)
    # A temporary name of our own: two processes taking the same daily backup never share one.
    partial = target.with_name(f".{target.name}.{os.getpid()}-{os.urandom(4).hex()}.partial")
    conn = database.connect(source, key)
    try:
        notebook_file.wait_when_busy(conn, BUSY_MS)
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE))
        copied = any(notebook_file.copy_when_quiet(conn, source, partial) for _ in range(COPY_ATTEMPTS))
        dest = database.connect(partial, key)
        try:
            if copied:
                notebook_file.self_contained(dest)
            else:
                notebook_file.snapshot(conn, dest)  # one consistent read, self-contained too
        finally:
            dest.close()
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        crash_point("backup-written")
        os.replace(partial, target)
        fsync_dir(target.parent)
    finally:
        conn.close()
        _remove_with_journals(partial)
    return target


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process, or we cannot tell: leave its file alone
    return True


def remove_stale_partials(folder: Path) -> list[Path]:
    """Half-written backups of processes that died (kill -9, power cut): each is a whole
    notebook's size, so they are removed rather than left to fill the disk."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        # .<target>.<pid>-<random>.partial, see write_backup
        if not (entry.name.startswith(".") and entry.name.endswith(".partial")):
            continue
        pid_part = entry.name.rsplit(".", 2)[-2].split("-", 1)[0]
        if pid_part.isdigit() and not _pid_alive(int(pid_part)):
            _remove_with_journals(Path(entry.path))
            removed.append(Path(entry.path))
    return removed


def _remove_with_journals(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()


def backup_now(
    library: Library,
    descriptor: Descriptor,
    target: Path,
    passphrase: PassphraseSource | None = None,
    *,
    into_folder: bool = False,
) -> Path:
    """An encrypted copy of the notebook at target; safe while the notebook is open and in use.

    into_folder: target names a folder (the user wrote DIR/), made if it is missing."""
    if into_folder:
        ensure_private_dir(target)
    if target.exists() and target.is_dir():
        stamp = library.clock.now().astimezone().strftime("%Y%m%dT%H%M%S")
        target = target / f"peercoach-{descriptor.partnership_id[:8]}-{stamp}{NOTEBOOK_SUFFIX}"
    key = library.key_for(descriptor, passphrase)
    return write_backup(descriptor.path, key, target)


def daily_dir(library: Library) -> Path:
    return library.backups_dir / DAILY_DIR


def daily_target(library: Library, descriptor: Descriptor) -> Path:
    # The local calendar day, as the user counts days of use.
    today = library.clock.now().astimezone().date().isoformat()
    return daily_dir(library) / f"{descriptor.notebook_id}-{today}{NOTEBOOK_SUFFIX}"


def daily_backups(library: Library, descriptor: Descriptor) -> list[Path]:
    """This notebook's daily backups, oldest first (the date in the name sorts them)."""
    folder = daily_dir(library)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{descriptor.notebook_id}-*{NOTEBOOK_SUFFIX}"))


def daily_backup(
    library: Library, descriptor: Descriptor, key: bytes, keep: int = DEFAULT_KEEP
) -> Path | None:
    """Take today's backup if there is none yet, and keep only the last `keep` days.

    Called on every open; when today's copy exists it costs one stat(). A failure
    never stops the notebook from opening: it becomes a notice for the user."""
    target = daily_target(library, descriptor)
    remove_stale_partials(daily_dir(library))
    if target.exists():
        return None
    try:
        with storage_errors():
            ensure_private_dir(library.backups_dir)  # before its subfolder, so it is not world-readable
            write_backup(descriptor.path, key, target)
            prune(library, descriptor, keep)
    except (OSError, PeerCoachError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        library.notices.append(f"Today's automatic backup could not be written: {reason}")
        return None
    return target


def prune(library: Library, descriptor: Descriptor, keep: int = DEFAULT_KEEP) -> list[Path]:
    backups = daily_backups(library, descriptor)
    removed = backups[: max(0, len(backups) - max(1, keep))]
    for path in removed:
        path.unlink()
    return removed


def all_backups(library: Library, descriptor: Descriptor) -> list[Path]:
    """Every backup of this notebook in the data dir: daily, before migrations, replaced ones."""
    if not library.backups_dir.is_dir():
        return []
    pattern = f"{descriptor.notebook_id}-*{NOTEBOOK_SUFFIX}"
    return sorted(p for p in library.backups_dir.rglob(pattern) if p.is_file())
