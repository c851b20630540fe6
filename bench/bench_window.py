"""Window budgets (issue 3): first paint against a bare PySide6 window, first content of a
10k-note notebook against a minimal notebook window (start_floors.py says what each floor is and
why), peak memory with 10k notes, and responsiveness with 10k sessions / 100k notes.

Start-up figures are whole processes (spawn to probe), the floors and ours interleaved round by
round in one run. Run: make bench  (or BENCH_RUNS=7 .venv/bin/python bench/bench_window.py)
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from common import bench_setup, median_ms, p95_ms, report, timed
from start_floors import median_of, report_content_visible, start_rounds

from peercoach_desktop.domain.clock import SystemClock
from peercoach_desktop.storage import database
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.vault.keystore import MemoryKeyStore, OsKeyStore
from peercoach_desktop.vault.library import Library

RUNS = int(os.environ.get("BENCH_RUNS", "11"))


def fill(store: NotebookStore, notes: int, sessions: int) -> None:
    """Bulk rows straight into the encrypted file (triggers keep the search index right)."""
    conn = store._conn
    with database.transaction(conn):
        for n in range(sessions):
            when = f"20{10 + n // 520:02d}-{1 + n // 40 % 12:02d}-{1 + n % 28:02d}T10:00:00.000Z"
            conn.execute(
                "INSERT INTO sessions(id, created_at, updated_at, version, author_id, deleted, scheduled_at,"
                " minutes_per_turn, speaker_order, seconds_by_speaker, status)"
                " VALUES (?, ?, ?, ?, ?, 0, ?, 15, '[]', '{}', 'done')",
                (f"s-{n:06d}", when, when, f"{n:012x}.0000.x", store.me_id, when),
            )
        for n in range(notes):
            when = f"2026-01-01T00:{n // 60 % 60:02d}:{n % 60:02d}.{n % 1000:03d}Z"
            conn.execute(
                "INSERT INTO notes(id, created_at, updated_at, version, author_id, deleted, body, kind,"
                " visibility, session_id) VALUES (?, ?, ?, ?, ?, 0, ?, 'note', 'shared', ?)",
                (
                    f"n-{n:07d}",
                    when,
                    when,
                    f"{n:012x}.0001.x",
                    store.me_id,
                    f"Note {n}: what we heard about delegation and feedback, line {n % 97}",
                    f"s-{n % max(sessions, 1):06d}" if sessions else None,
                ),
            )


def bench_start(work: Path, env: dict[str, str]) -> None:
    data = work / "start"
    library = Library(data, OsKeyStore())
    created = library.create("Ana", "Ben", "Ana & Ben")
    fill(created.store, notes=10_000, sessions=200)
    created.store.close()
    samples = start_rounds(data, env, work, RUNS, ["paint", "content"])
    report("window painted (from spawn)", median_of(samples, "paint"), median_of(samples, "bare"), "<= 1.2x")
    report_content_visible("10k notes", samples)


def bench_responsive(work: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from peercoach_desktop.ui.infra.settings import Preferences
    from peercoach_desktop.ui.shell.main_window import MainWindow

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["PEERCOACH_CONFIG_DIR"] = str(work / "config")
    library = Library(work / "big", MemoryKeyStore(), SystemClock())
    created = library.create("Ana", "Ben", "Ana & Ben")
    fill(created.store, notes=100_000, sessions=10_000)
    created.store.close()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow(library, Preferences())
    window.show()

    def settle() -> None:
        while window.tasks.pending:
            app.processEvents()
        app.processEvents()

    shown: list[float] = []
    window.content_shown.connect(lambda: shown.append(time.perf_counter()))
    start = time.perf_counter()
    window.load()
    while not shown:
        app.processEvents()
    report("100k notes: overview shown after load", (shown[0] - start) * 1000, None, "")
    settle()  # the day's backup of the big notebook runs after it is shown
    start = time.perf_counter()
    window.notebook.setCurrentIndex(5)  # the Notes tab: built and filled when first shown
    while window.notebook.notes.model.rowCount() == 0 or window.tasks.pending:
        app.processEvents()
    report("100k notes: Notes tab opened, first page listed", (time.perf_counter() - start) * 1000, None, "")

    notes = window.notebook.notes
    notes_pages = timed(lambda: (notes.model.fetchMore(), settle()), 25)
    sessions = window.notebook.sessions.model
    session_pages = timed(lambda: (sessions.fetchMore(), settle()), 25)
    conn = window.workspace.store(window.access.partnership_id)._conn
    raw = timed(
        lambda: conn.execute(
            "SELECT * FROM notes WHERE deleted = 0 ORDER BY created_at DESC LIMIT 200"
        ).fetchall(),
        25,
    )
    report("scroll: next 200 notes (worker round trip)", median_ms(notes_pages), median_ms(raw), "<= 16 ms")
    report("scroll: next 200 sessions with counts", median_ms(session_pages), median_ms(raw), "<= 16 ms")

    window.notebook.setCurrentWidget(notes)
    notes.list.setCurrentIndex(notes.model.index(5, 0))
    settle()
    typing = timed(lambda: (QTest.keyClick(notes.editor, Qt.Key.Key_A), app.processEvents()), 300)
    bare = QPlainTextEdit()
    bare.show()
    bare_typing = timed(lambda: (QTest.keyClick(bare, Qt.Key.Key_A), app.processEvents()), 300)
    report("typing: one key in a note, p95 (autosaving)", p95_ms(typing), p95_ms(bare_typing), "<= 16 ms")
    window.close()


def main() -> None:
    with bench_setup() as (work, env):
        bench_start(work, env)
        bench_responsive(work)


if __name__ == "__main__":
    main()
