"""The notebook schema and its forward migrations.

``PRAGMA user_version`` is the schema version. Each migration runs in one
transaction together with the version bump, so a crash leaves the old or the new
schema, never half of one.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import sqlcipher3

from peercoach_desktop.domain.clock import parse_iso
from peercoach_desktop.domain.meeting_plan import (
    DEFAULT_MINUTES,
    MAX_MINUTES,
    MIN_MINUTES,
    MeetingPlan,
    Repeat,
    local_text,
)
from peercoach_desktop.domain.meeting_plan import zone as zone_of
from peercoach_desktop.system.local_zone import local_zone_name

COMMON = """
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version TEXT NOT NULL,
    author_id TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
"""

# rid is an explicit INTEGER PRIMARY KEY so VACUUM never renumbers the rows the
# full-text index points at.
V1 = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE partnership ({COMMON}, title TEXT NOT NULL);
CREATE TABLE peers ({COMMON}, name TEXT NOT NULL);
CREATE TABLE goals ({COMMON},
    owner_id TEXT NOT NULL,
    title TEXT NOT NULL,
    why TEXT NOT NULL DEFAULT '',
    success_criteria TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    target_date TEXT);
CREATE TABLE sessions ({COMMON},
    scheduled_at TEXT,
    started_at TEXT,
    ended_at TEXT,
    minutes_per_turn INTEGER NOT NULL,
    speaker_order TEXT NOT NULL,
    seconds_by_speaker TEXT NOT NULL,
    status TEXT NOT NULL);
CREATE TABLE notes ({COMMON},
    body TEXT NOT NULL,
    kind TEXT NOT NULL,
    visibility TEXT NOT NULL,
    session_id TEXT,
    goal_id TEXT);
CREATE TABLE steps ({COMMON},
    owner_id TEXT NOT NULL,
    text TEXT NOT NULL,
    goal_id TEXT,
    due_date TEXT,
    status TEXT NOT NULL,
    set_in_session_id TEXT,
    reviewed_in_session_id TEXT);
CREATE INDEX notes_by_session ON notes(session_id);
CREATE INDEX notes_by_goal ON notes(goal_id);
CREATE INDEX steps_by_goal ON steps(goal_id);
CREATE INDEX sessions_by_time ON sessions(scheduled_at);
"""

# Full-text search. External-content FTS5 tables over views of the live rows, so
# the text is stored once and a 'rebuild' never indexes tombstones.
FTS_TOKENIZE = "unicode61 remove_diacritics 2"
FTS_SOURCES: dict[str, tuple[str, ...]] = {
    "notes": ("body",),
    "goals": ("title", "why", "success_criteria"),
    "steps": ("text",),
}


def _fts_sql(table: str, columns: tuple[str, ...]) -> str:
    cols = ", ".join(columns)
    new_vals = ", ".join(f"new.{c}" for c in columns)
    old_vals = ", ".join(f"old.{c}" for c in columns)
    return f"""
CREATE VIEW live_{table} AS SELECT rid, {cols} FROM {table} WHERE deleted = 0;
CREATE VIRTUAL TABLE {table}_fts USING fts5({cols}, content='live_{table}', content_rowid='rid',
    tokenize='{FTS_TOKENIZE}', prefix='2 3');
CREATE TRIGGER {table}_fts_insert AFTER INSERT ON {table} WHEN new.deleted = 0 BEGIN
    INSERT INTO {table}_fts(rowid, {cols}) VALUES (new.rid, {new_vals});
END;
CREATE TRIGGER {table}_fts_delete AFTER DELETE ON {table} WHEN old.deleted = 0 BEGIN
    INSERT INTO {table}_fts({table}_fts, rowid, {cols}) VALUES ('delete', old.rid, {old_vals});
END;
CREATE TRIGGER {table}_fts_update AFTER UPDATE ON {table} BEGIN
    INSERT INTO {table}_fts({table}_fts, rowid, {cols}) SELECT 'delete', old.rid, {old_vals}
        WHERE old.deleted = 0;
    INSERT INTO {table}_fts(rowid, {cols}) SELECT new.rid, {new_vals} WHERE new.deleted = 0;
END;
INSERT INTO {table}_fts({table}_fts) VALUES ('rebuild');
"""


V2 = "".join(_fts_sql(table, columns) for table, columns in FTS_SOURCES.items())


# The session runner: the live timer of a session (restored after a crash), a partnership's
# meeting rhythm, structured feedback each way, and the user's own coaching prompts.
V_SESSION_RUNNER = f"""
ALTER TABLE sessions ADD COLUMN timer_state TEXT NOT NULL DEFAULT '{{}}';
ALTER TABLE partnership ADD COLUMN cadence_weeks INTEGER;
CREATE TABLE feedback ({COMMON},
    session_id TEXT NOT NULL,
    giver_id TEXT NOT NULL,
    receiver_id TEXT NOT NULL,
    situation TEXT NOT NULL DEFAULT '',
    behaviour TEXT NOT NULL DEFAULT '',
    impact TEXT NOT NULL DEFAULT '');
CREATE INDEX feedback_by_session ON feedback(session_id);
CREATE TABLE user_prompts ({COMMON},
    prompt_id TEXT NOT NULL,
    text TEXT NOT NULL,
    category TEXT NOT NULL,
    phase TEXT NOT NULL,
    why TEXT NOT NULL DEFAULT '',
    hidden INTEGER NOT NULL DEFAULT 0);
"""


def _script(sql: str) -> Callable[[sqlcipher3.Connection], None]:
    def run(conn: sqlcipher3.Connection) -> None:
        for statement in _split(sql):
            conn.execute(statement)

    return run


def _split(sql: str) -> list[str]:
    """Split a script into statements, keeping trigger bodies whole."""
    statements, current = [], []
    for line in sql.strip().splitlines():
        current.append(line)
        joined = "\n".join(current).strip()
        if joined.endswith(";") and sqlcipher3.complete_statement(joined):
            statements.append(joined)
            current = []
    return statements


# What the window needs: a goal's own progress, and indexes for its newest-first pages.
V_WINDOW = """
ALTER TABLE goals ADD COLUMN progress INTEGER NOT NULL DEFAULT 0;
CREATE INDEX notes_by_created ON notes(created_at, id);
CREATE INDEX steps_by_session ON steps(set_in_session_id);
CREATE INDEX steps_by_review ON steps(reviewed_in_session_id);
"""
# Sync metadata (see core/merge.py): each row's causal context (JSON: lineage node ->
# newest version of that node this row's content has seen) and, for a conflict copy
# (a second version kept after concurrent edits), the id of the record it belongs to.
SYNC_TABLES = ("partnership", "peers", "goals", "sessions", "notes", "steps", "feedback", "user_prompts")
V_SYNC_CONFLICTS = "".join(
    f"""
ALTER TABLE {table} ADD COLUMN sync_ctx TEXT NOT NULL DEFAULT '{{}}';
ALTER TABLE {table} ADD COLUMN conflict_of TEXT;
CREATE INDEX {table}_by_conflict ON {table}(conflict_of) WHERE conflict_of IS NOT NULL;
"""
    for table in SYNC_TABLES
)

# Earlier versions of notes, goals and steps (core/history.py): local, never synced.
V_HISTORY = """
CREATE TABLE history (
    rid INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    version TEXT NOT NULL,
    data TEXT NOT NULL);
CREATE INDEX history_by_record ON history(record_id, saved_at);
"""

# The user's own protocol templates (core/templates.py): synced, so the sync columns too.
V_USER_TEMPLATES = f"""
CREATE TABLE user_templates ({COMMON},
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    phases TEXT NOT NULL DEFAULT '[]',
    sync_ctx TEXT NOT NULL DEFAULT '{{}}',
    conflict_of TEXT);
CREATE INDEX user_templates_by_conflict ON user_templates(conflict_of) WHERE conflict_of IS NOT NULL;
"""


def _meetings_in_local_time(conn: sqlcipher3.Connection) -> None:
    """Schema 8: meetings are kept as the local time and zone people agreed on (issue 18).

    A rhythm used to hang on a UTC instant, so 15:00 in Berlin became 16:00 after the spring
    change. The series now starts at the local time the newest planned meeting showed when it
    was set (this laptop's zone, the one it was shown in) and repeats every N weeks there.
    Planned meetings stay as they are: those on the series are the same meetings, the others
    one-off ones."""
    conn.execute("ALTER TABLE partnership ADD COLUMN meeting_plan TEXT NOT NULL DEFAULT '{}'")
    name = local_zone_name()
    for rid, weeks in conn.execute("SELECT rid, cadence_weeks FROM partnership").fetchall():
        if not weeks:
            continue
        row = conn.execute(
            "SELECT scheduled_at, minutes_per_turn FROM sessions "
            "WHERE deleted = 0 AND scheduled_at IS NOT NULL "
            "ORDER BY status = 'planned' DESC, scheduled_at DESC LIMIT 1"
        ).fetchone()
        if row is None:
            continue  # a rhythm with no meeting to start from: planned again from the window
        local = parse_iso(row[0]).astimezone(zone_of(name)).replace(tzinfo=None)
        minutes = min(max(2 * int(row[1]) + 20, MIN_MINUTES), MAX_MINUTES) if row[1] else DEFAULT_MINUTES
        plan = MeetingPlan(
            zone=name, start=local_text(local), minutes=minutes, repeat=Repeat.WEEKLY, every=int(weeks)
        )
        conn.execute(
            "UPDATE partnership SET meeting_plan = ? WHERE rid = ?",
            (json.dumps(plan.to_dict(), sort_keys=True), rid),
        )


# Schema 9. The overview counts live notes and sessions at every start: over an index of (deleted) that
# reads a few hundred small pages at 100k notes instead of decrypting the whole table.
V_LIVE_COUNTS = """
CREATE INDEX notes_by_deleted ON notes(deleted);
CREATE INDEX sessions_by_deleted ON sessions(deleted);
"""

# Schema 10. A note copy kept by "Keep both" says whose version it keeps, and when (Note.kept_from).
V_KEPT_COPIES = """
ALTER TABLE notes ADD COLUMN kept_from TEXT NOT NULL DEFAULT '{}';
"""

# Schema 11. Indexes on (deleted) drew every `WHERE deleted = 0 ...` query to them: SQLite, with no
# statistics, prefers an equality to an index in ORDER BY order, so a page of 200 notes sorted all
# 100k live ones (~500 ms) and a page of sessions counted its notes by scanning every live note.
# Partial indexes over live rows instead. Notes: counted over their rowids alone (the smallest
# index, and one no other query wants), listed newest first, and counted per session from the
# index alone (the Sessions list shows each session's notes). Sessions: in the two orders the
# window reads them (its Sessions list, the last sessions held); both lead with conflict_of
# (always NULL in them) so that they count sessions without reading a row, and so that neither
# wins over the other by an equality the other lacks. And for the overview: the session still
# running (an index of the one or none), each goal's steps done and set from the index alone, and
# the open steps in the order it lists the soonest due (it lists 30, and counts them all).
V_LIVE_INDEXES = """
DROP INDEX IF EXISTS notes_by_deleted;
DROP INDEX IF EXISTS sessions_by_deleted;
CREATE INDEX notes_counted ON notes(rid) WHERE deleted = 0;
CREATE INDEX notes_listed ON notes(created_at, id) WHERE deleted = 0;
DROP INDEX notes_by_session;
CREATE INDEX notes_by_session ON notes(session_id) WHERE deleted = 0;
CREATE INDEX sessions_listed ON sessions(conflict_of, coalesce(scheduled_at, created_at), id)
    WHERE deleted = 0 AND conflict_of IS NULL;
CREATE INDEX sessions_held ON sessions(conflict_of, coalesce(started_at, scheduled_at))
    WHERE deleted = 0 AND conflict_of IS NULL;
CREATE INDEX sessions_running ON sessions(status) WHERE deleted = 0 AND status = 'running';
CREATE INDEX steps_counted ON steps(goal_id, status) WHERE deleted = 0;
CREATE INDEX steps_open ON steps(due_date IS NULL, due_date, created_at)
    WHERE deleted = 0 AND status = 'open';
"""

# MIGRATIONS[n] takes a schema at version n to version n + 1.
MIGRATIONS: list[Callable[[sqlcipher3.Connection], None]] = [
    _script(V1),
    _script(V2),
    _script(V_WINDOW),
    _script(V_SESSION_RUNNER),
    _script(V_SYNC_CONFLICTS),
    _script(V_HISTORY),
    _script(V_USER_TEMPLATES),
    _meetings_in_local_time,
    _script(V_LIVE_COUNTS),
    _script(V_KEPT_COPIES),
    _script(V_LIVE_INDEXES),
]
CURRENT_VERSION = len(MIGRATIONS)
