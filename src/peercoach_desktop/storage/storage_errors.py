"""The one place where errors of the disk and of SQLite become sentences for the user.

SQLite reports a full disk, an I/O error or a damaged page as OperationalError or
DatabaseError with a fixed English text; the OS reports them as OSError errno values.
Both arrive from deep inside a write; `explain` names the cause in one sentence that
also says what happened to the user's words (a failed transaction is rolled back).
"""

from __future__ import annotations

import contextlib
import errno
import shutil
from collections.abc import Iterator
from pathlib import Path

import sqlcipher3

from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, StorageError

DISK_FULL = QT_TRANSLATE_NOOP(
    "Core",
    "The disk is full: this change was not saved, and everything saved before is intact. "
    "Free some space and try again.",
)
IO_ERROR = QT_TRANSLATE_NOOP(
    "Core",
    "The disk reported a read or write error: this change was not saved. Check the disk and "
    "take a backup of your notebooks to another disk.",
)
CORRUPT = QT_TRANSLATE_NOOP(
    "Core",
    "The file is damaged (a database page does not check out); nothing was changed. If it is a "
    "notebook, restore it from a backup with: peercoach restore-backup",
)
READ_ONLY = QT_TRANSLATE_NOOP(
    "Core", "The file or its folder is read-only: this change was not saved. Nothing was lost."
)

NEARLY_FULL_BYTES = 1 << 20  # less than this free: SQLite cannot grow a page cache file or WAL

# SQLite's own texts (sqlite3_errstr), the same in every build.
_SQLITE_TEXTS = (
    ("database or disk is full", "disk_full"),
    ("disk i/o error", "io_error"),
    ("database disk image is malformed", "corrupt"),
    ("file is not a database", "corrupt"),
    ("readonly database", "read_only"),
)
_ERRNOS = {
    errno.ENOSPC: "disk_full",
    errno.EDQUOT: "disk_full",
    errno.EIO: "io_error",
    errno.EROFS: "read_only",
}


def _error(kind: str) -> StorageError:
    return StorageError(
        DISK_FULL
        if kind == "disk_full"
        else IO_ERROR
        if kind == "io_error"
        else CORRUPT
        if kind == "corrupt"
        else READ_ONLY,
        kind=kind,
    )


def explain(exc: BaseException, where: Path | None = None) -> StorageError | None:
    """The sentence for a storage failure; None when exc is something else.

    where: the data dir, if known. SQLite reports a full disk met while growing its shared
    memory file (-shm) as a plain I/O error; with no space left there, the full disk is
    the cause the user can act on."""
    if isinstance(exc, StorageError):
        mapped: StorageError | None = exc
    elif isinstance(exc, sqlcipher3.Error):
        text = str(exc).lower()
        kind = next((kind for needle, kind in _SQLITE_TEXTS if needle in text), None)
        mapped = _error(kind) if kind else None
    elif isinstance(exc, OSError) and exc.errno in _ERRNOS:
        mapped = _error(_ERRNOS[exc.errno])
    else:
        mapped = None
    if mapped is not None and mapped.kind == "io_error" and where is not None and _no_space_left(where):
        return _error("disk_full")
    return mapped


def _no_space_left(where: Path) -> bool:
    try:
        return shutil.disk_usage(where).free < NEARLY_FULL_BYTES
    except OSError:
        return False


@contextlib.contextmanager
def storage_errors() -> Iterator[None]:
    """Raise what `explain` names as a StorageError; anything else passes unchanged."""
    try:
        yield
    except (sqlcipher3.Error, OSError) as exc:
        mapped = explain(exc)
        if mapped is None:
            raise
        raise mapped from None
