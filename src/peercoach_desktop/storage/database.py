"""Opening a SQLCipher file: key first, then checks, and only then anything that writes.

A wrong key, a damaged file or a file from a newer app version is refused before
a single byte is written, so the file stays byte-identical.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

import sqlcipher3

from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, NotebookFormatError, WrongKeyError
from peercoach_desktop.storage.schema import CURRENT_VERSION, MIGRATIONS
from peercoach_desktop.storage.storage_errors import explain
from peercoach_desktop.system.files import copy_atomic, ensure_private_dir

MIN_CACHE_KIB = 8 * 1024
MAX_CACHE_KIB = 256 * 1024
WRONG_KEY = QT_TRANSLATE_NOOP(
    "Core", "The key does not open this notebook (wrong key or code, or a damaged file)."
)


def _cache_kib(path: Path) -> int:
    # A scan of a big notebook is ~6x faster when the page cache holds the file.
    size_kib = path.stat().st_size // 1024 if path.exists() else 0
    return max(MIN_CACHE_KIB, min(MAX_CACHE_KIB, size_kib + size_kib // 4))


ROW_KIB = 1  # page cache per row a big write adds: the row, its index entries and search terms


@contextlib.contextmanager
def page_cache_for(conn: sqlcipher3.Connection, rows: int) -> Iterator[None]:
    """A page cache that holds what writing `rows` new rows touches, for the duration: with the
    cache sized for the file as it was (8 MiB for a new notebook), a 100k-row import spills
    pages to the log mid-transaction and reads (decrypts) them back for its indexes."""
    (before,) = conn.execute("PRAGMA cache_size").fetchone()
    (page,) = conn.execute("PRAGMA page_size").fetchone()
    have = -before if before < 0 else before * page // 1024
    want = min(MAX_CACHE_KIB, have + rows * ROW_KIB)
    if want <= have:
        yield
        return
    conn.execute(f"PRAGMA cache_size = -{want}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {before}")  # the pages beyond it are let go


def connect(path: Path, key: bytes) -> sqlcipher3.Connection:
    """Open with a raw 256-bit key and prove the key is right; write nothing."""
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        # Before the key: SQLCipher would otherwise print "hmac check failed" lines.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        mapped = explain(exc)
        if mapped is not None and mapped.kind != "corrupt":
            raise mapped from None  # a full disk or an I/O error says nothing about the key
        raise WrongKeyError(WRONG_KEY) from None
    return conn


def configure(conn: sqlcipher3.Connection, path: Path) -> None:
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")  # durable at checkpoints; crash-safe with WAL
    conn.execute("PRAGMA temp_store = MEMORY")  # no temporary files on disk at all
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA secure_delete = ON")  # freed pages are zeroed: erased words leave no copy
    conn.execute(f"PRAGMA cache_size = -{_cache_kib(path)}")


def schema_version(conn: sqlcipher3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


@contextlib.contextmanager
def transaction(conn: sqlcipher3.Connection, *, synced: bool = False) -> Iterator[sqlcipher3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on an exception. `synced`: see synced_commit."""
    with synced_commit(conn) if synced else contextlib.nullcontext():
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


@contextlib.contextmanager
def synced_commit(conn: sqlcipher3.Connection) -> Iterator[None]:
    """Around a transaction writing much (an import): its COMMIT syncs the log to disk itself
    (synchronous = FULL), so what it wrote survives a power cut once it returns, and runs no
    checkpoint. With synchronous = NORMAL a commit is durable only at the next checkpoint, which
    SQLite runs inside any commit that leaves more than 1000 pages in the log: for a 100k-note
    import that is copying ~80 MB into the notebook and syncing it (~0.3 s) before the import
    may return. That copy is left to the next checkpoint (the next write's commit, or closing the
    notebook); the log holds the same encrypted pages until then, and opening reads them from it."""
    (before,) = conn.execute("PRAGMA wal_autocheckpoint").fetchone()
    conn.execute("PRAGMA synchronous = FULL")  # (outside a transaction: SQLite refuses it inside)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA wal_autocheckpoint = {int(before)}")
        conn.execute("PRAGMA synchronous = NORMAL")  # as configure() sets it


def check_openable(conn: sqlcipher3.Connection) -> int:
    version = schema_version(conn)
    if version > CURRENT_VERSION:
        raise NotebookFormatError(
            QT_TRANSLATE_NOOP(
                "Core",
                "This notebook was written by a newer PeerCoach Desktop (schema {version}; this "
                "version reads up to {current_version}). Update the app. The file was not "
                "changed.",
            ),
            version=version,
            current_version=CURRENT_VERSION,
        )
    if version == 0:
        raise NotebookFormatError(
            QT_TRANSLATE_NOOP("Core", "This file is not a PeerCoach notebook. It was not changed.")
        )
    return version


def migrate(
    conn: sqlcipher3.Connection,
    from_version: int,
    backup: Callable[[int], None],
    to_version: int = CURRENT_VERSION,
) -> None:
    """Bring a schema forward, after an encrypted backup of the file as it was."""
    if from_version >= to_version:
        return
    if from_version > 0:
        backup(from_version)
    for version in range(from_version, to_version):
        with transaction(conn):
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")


def copy_encrypted(conn: sqlcipher3.Connection, source: Path, target: Path) -> None:
    """Copy the (already encrypted) file after folding the WAL into it."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ensure_private_dir(target.parent)
    copy_atomic(source, target)
