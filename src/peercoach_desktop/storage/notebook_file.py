"""What the vault does to a notebook *file* as a whole, outside any open store: the facts a backup
shows before it is restored, integrity, new local ids for a restored copy, the exclusive lock and
the key change of a rotation, and a snapshot into another file. Every SQL statement of those
steps lives here, so vault/ speaks in operations, not SQL."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from peercoach_desktop.storage import database, rows

BUSY_MS = 2000  # how long a rotation or backup waits for another connection's write to end


@dataclass(frozen=True)
class FileFacts:
    notebook_id: str
    partnership_id: str
    title: str
    last_change: str | None  # the newest updated_at of any record


def file_facts(conn: sqlcipher3.Connection) -> FileFacts:
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    title = conn.execute("SELECT title FROM partnership WHERE id = ?", (meta["partnership_id"],)).fetchone()
    newest = " UNION ALL ".join(f"SELECT max(updated_at) AS t FROM {t}" for t in rows.TABLE_OF.values())
    last = conn.execute(f"SELECT max(t) FROM ({newest})").fetchone()[0]
    return FileFacts(meta["notebook_id"], meta["partnership_id"], title[0] if title else "", last)


def integrity_problems(conn: sqlcipher3.Connection) -> list[str]:
    """Every page's HMAC and SQLite's own quick check; empty when the file is sound."""
    problems = [row[0] for row in conn.execute("PRAGMA cipher_integrity_check")]
    problems += [row[0] for row in conn.execute("PRAGMA quick_check") if row[0] != "ok"]
    return problems


def reidentify(conn: sqlcipher3.Connection, *, notebook_id: str, partnership_id: str, title: str) -> None:
    """New local ids (and title) for a copy restored beside its original, in one transaction."""
    old_partnership = dict(conn.execute("SELECT key, value FROM meta").fetchall())["partnership_id"]
    with database.transaction(conn):
        conn.execute("UPDATE meta SET value = ? WHERE key = 'notebook_id'", (notebook_id,))
        conn.execute("UPDATE meta SET value = ? WHERE key = 'partnership_id'", (partnership_id,))
        conn.execute(
            "UPDATE partnership SET id = ?, title = ? WHERE id = ?", (partnership_id, title, old_partnership)
        )


def set_notebook_id(conn: sqlcipher3.Connection, notebook_id: str) -> None:
    conn.execute("UPDATE meta SET value = ? WHERE key = 'notebook_id'", (notebook_id,))


def wait_when_busy(conn: sqlcipher3.Connection, ms: int = BUSY_MS) -> None:
    conn.execute(f"PRAGMA busy_timeout = {int(ms)}")


def leave_wal(conn: sqlcipher3.Connection) -> bool:
    """Fold the WAL into the file and use a rollback journal; False if another connection is
    open (leaving WAL mode needs every other connection closed)."""
    return conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0].lower() == "delete"


def begin_exclusive(conn: sqlcipher3.Connection) -> None:
    conn.execute("BEGIN EXCLUSIVE")


def change_key(conn: sqlcipher3.Connection, new_key: bytes) -> None:
    """Re-encrypt every page of the file under new_key (SQLCipher's rekey)."""
    conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")


def key_opens(path: Path, key: bytes) -> bool | None:
    """True/False: does the key open the file; None: it is locked (a rotation under way)."""
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.OperationalError as exc:
        return None if "locked" in str(exc) else False
    except sqlcipher3.DatabaseError:
        return False
    finally:
        conn.close()
    return True


def snapshot(source: sqlcipher3.Connection, target: sqlcipher3.Connection) -> None:
    """All pages in one step (one consistent read), and a target that needs no -wal beside it."""
    source.backup(target)
    target.execute("PRAGMA journal_mode = DELETE")


def copy_when_quiet(
    source: sqlcipher3.Connection, source_path: Path, target_path: Path, fold_wait_ms: int = 200
) -> bool:
    """The encrypted file copied byte for byte, as one consistent state: after folding the WAL
    into the file, under the write lock, and only if the WAL is then empty (no other connection
    can add to it or fold anything into the file while the lock is held). False, and nothing
    copied, when a reader kept the WAL from being folded within fold_wait_ms or a write got in
    between.

    ~6x faster than `snapshot`, which decrypts and re-encrypts every page (10k notes: ~25 ms
    against ~150 ms), and it never fills this connection's page cache."""
    busy_ms = int(source.execute("PRAGMA busy_timeout").fetchone()[0])
    source.execute(f"PRAGMA busy_timeout = {int(fold_wait_ms)}")
    try:
        blocked = source.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    finally:
        source.execute(f"PRAGMA busy_timeout = {busy_ms}")
    if blocked:
        return False
    source.execute("BEGIN IMMEDIATE")
    try:
        source.execute("SELECT count(*) FROM sqlite_master").fetchone()  # a read lock, in any mode
        wal = Path(f"{source_path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return False
        shutil.copyfile(source_path, target_path)
        return True
    finally:
        source.execute("ROLLBACK")


def self_contained(target: sqlcipher3.Connection) -> None:
    """A copied file taken out of WAL mode: opening it never needs (or leaves) a -wal."""
    target.execute("PRAGMA journal_mode = DELETE")
