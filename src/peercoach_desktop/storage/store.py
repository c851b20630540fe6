"""NotebookStore: one partnership's encrypted notebook, opened or created, with its edits
(storage.edits), history and search on top of the records and write path of NotebookBase."""

from __future__ import annotations

import os
from pathlib import Path

from peercoach_desktop.domain.clock import Clock, HybridClock, iso
from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, NotFoundError, UsageError
from peercoach_desktop.domain.ids import new_id
from peercoach_desktop.domain.model import (
    Partnership,
    Peer,
    Record,
    SearchHit,
)
from peercoach_desktop.storage import database, history
from peercoach_desktop.storage.edits import NotebookEdits, require_text
from peercoach_desktop.storage.monthly_figures import MonthlyFigures, monthly_figures
from peercoach_desktop.storage.notebook_base import KIND_WORDS, TITLE_FIELD
from peercoach_desktop.storage.record_sql import insert
from peercoach_desktop.storage.search import search as fts_search
from peercoach_desktop.system.files import PRIVATE_FILE_MODE

__all__ = ["KIND_WORDS", "TITLE_FIELD", "NotebookStore"]


class NotebookStore(NotebookEdits):
    # ----- opening -------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path,
        key: bytes,
        *,
        notebook_id: str,
        partnership_id: str,
        me_name: str,
        partner_name: str,
        title: str,
        clock: Clock,
        me_id: str | None = None,
        partner_id: str | None = None,
    ) -> NotebookStore:
        require_text(me_name, QT_TRANSLATE_NOOP("Core", "Your name"))
        require_text(partner_name, QT_TRANSLATE_NOOP("Core", "Your partner's name"))
        if path.exists():
            raise UsageError(QT_TRANSLATE_NOOP("Core", "A notebook file with this id already exists."))
        # Made 0600 before SQLite opens it (its -wal and -shm take the same mode): the file
        # is encrypted, but its size and times are nobody else's business either.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE))
        conn = database.connect(path, key)
        database.configure(conn, path)
        database.migrate(conn, 0, backup=lambda _v: None)
        me_id, partner_id = me_id or new_id(), partner_id or new_id()  # given when joining a partner
        hlc = HybridClock(clock, me_id)
        now = iso(clock.now())
        with database.transaction(conn):
            meta = {"notebook_id": notebook_id, "partnership_id": partnership_id, "me_peer_id": me_id}
            conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", meta.items())
            common = {"created_at": now, "updated_at": now, "author_id": me_id, "deleted": False}
            records: list[Record] = [
                Partnership(id=partnership_id, version=hlc.tick(), title=title.strip(), **common),
                Peer(id=me_id, version=hlc.tick(), name=me_name.strip(), **common),
                Peer(id=partner_id, version=hlc.tick(), name=partner_name.strip(), **common),
            ]
            for record in records:
                insert(conn, record)
            conn.execute("INSERT INTO meta(key, value) VALUES ('hlc', ?)", (hlc.last,))
        return cls(conn, path, clock)

    @classmethod
    def open(cls, path: Path, key: bytes, *, clock: Clock, backup_dir: Path) -> NotebookStore:
        conn = database.connect(path, key)
        try:
            version = database.check_openable(conn)
            database.configure(conn, path)

            def backup(old_version: int) -> None:
                stamp = clock.now().strftime("%Y%m%dT%H%M%S")
                target = backup_dir / f"{path.stem}-schema{old_version}-{stamp}{path.suffix}"
                database.copy_encrypted(conn, path, target)

            database.migrate(conn, version, backup)
            return cls(conn, path, clock)
        except BaseException:
            conn.close()
            raise

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> NotebookStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def monthly_figures(self) -> MonthlyFigures:
        return monthly_figures(self._conn)

    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        return fts_search(self._conn, text, limit)

    def integrity_problems(self) -> list[str]:
        problems = [row[0] for row in self._conn.execute("PRAGMA cipher_integrity_check")]
        problems += [r[0] for r in self._conn.execute("PRAGMA quick_check") if r[0] != "ok"]
        return problems

    def versions(self, record_id: str) -> list[history.Version]:
        """Earlier versions of a note, goal or next step, newest first."""
        return history.versions(self._conn, record_id)

    def restore_version(self, record_id: str, rid: int) -> Record:
        """Put an earlier version's words back, as a new version: nothing is overwritten."""
        for cls in history.KEPT:
            found = self._select(cls, "WHERE id = ? AND deleted = 0", (record_id,))
            if found:
                match = [v for v in self.versions(record_id) if v.rid == rid]
                if not match:
                    raise NotFoundError(QT_TRANSLATE_NOOP("Core", "No such earlier version of this record."))
                return self._change(
                    found[0], _keep_history=True, **history.restore_fields(found[0], match[0])
                )
        raise NotFoundError(
            QT_TRANSLATE_NOOP("Core", "No note, goal or next step with id {record_id}."), record_id=record_id
        )

    def set_history_policy(self, policy: history.HistoryPolicy) -> None:
        """New bounds for earlier versions, applied at once to every record."""
        self.history_policy = policy
        with database.transaction(self._conn):
            history.prune_all(self._conn, policy, iso(self._clock.now()))

    def compact_after_purge(self) -> None:
        """After words were erased: rewrite the search index without them and fold the WAL
        into the file, so neither keeps an encrypted copy (freed pages are zeroed: secure_delete)."""
        for table in ("notes", "goals", "steps"):
            self._conn.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES ('optimize')")
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
