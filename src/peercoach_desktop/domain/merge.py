"""The merge of two notebooks: a pure function over versioned records.

Each stored version of a record carries its HLC ``version`` (unique: it names its
author's node) and a causal context ``ctx``: for each node, the newest version of
that node the content was based on. ``w`` supersedes ``u`` when ``u`` is in ``w``'s
past. The state of one record is the set of its versions that nothing supersedes
(an antichain); a merge keeps the maximal versions of the union. Union-then-maxima
is idempotent, commutative and associative, and it never drops a version nobody
has seen: two concurrent edits both stay, the newer one in place and the other as
a conflict copy (a row of its own with an id derived from the record id and the
losing version, so both laptops make the same copy).

Per node the versions of one record form a chain (a local edit of a record in
conflict first settles the conflict, see sync_rows.after_local_change), so "newest
version seen per node" describes a past exactly.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from peercoach_desktop.domain.model import Note, Record, Visibility

Key = tuple[str, str]  # (table, record id)


def node_of(version: str) -> str:
    return version.split(".", 2)[2]


@dataclass(frozen=True)
class Entry:
    """One version of one record: the record (its id is the record's own id, also for a
    conflict copy), the table it lives in and its causal context."""

    kind: str
    record: Record
    ctx: tuple[tuple[str, str], ...] = ()

    @property
    def key(self) -> Key:
        return (self.kind, self.record.id)

    @property
    def version(self) -> str:
        return self.record.version

    def seen(self, version: str) -> bool:
        newest = dict(self.ctx).get(node_of(version))
        return newest is not None and newest >= version

    def supersedes(self, other: Entry) -> bool:
        return self.version != other.version and self.seen(other.version)


def make_ctx(ctx: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(ctx.items()))


def extend_ctx(ctx: Mapping[str, str], *versions: str) -> dict[str, str]:
    """A context that has also seen these versions."""
    out = dict(ctx)
    for version in versions:
        node = node_of(version)
        if out.get(node, "") < version:
            out[node] = version
    return out


def copy_id(record_id: str, version: str) -> str:
    """The id of the conflict copy holding `version` of `record_id`: the same on both laptops."""
    h = hashlib.sha256(f"conflict-copy:{record_id}:{version}".encode()).hexdigest()
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-8{h[17:20]}-{h[20:32]}"


def kept_copy_mark(record: Record) -> dict[str, dict[str, str]]:
    """The fields that mark a note as one of two copies "Keep both" made of a conflict: whose
    version it holds and when that version was written (Note.kept_from). Other records: none."""
    if not isinstance(record, Note):
        return {}
    return {"kept_from": {"by": node_of(record.version), "at": record.updated_at}}


def is_private(entry: Entry) -> bool:
    return isinstance(entry.record, Note) and entry.record.visibility == Visibility.PRIVATE


def ordered(versions: Iterable[Entry]) -> tuple[Entry, ...]:
    """The current version first (the newest live one, else the newest), then the rest by version."""
    items = sorted(versions, key=lambda e: e.version)
    live = [e for e in items if not e.record.deleted]
    current = (live or items)[-1]
    return (current, *(e for e in items if e is not current))


def maxima(versions: Iterable[Entry]) -> tuple[Entry, ...]:
    if isinstance(versions, (list, tuple)) and len(versions) == 1:
        return (versions[0],)  # most records have one version: nothing to compare
    by_version: dict[str, Entry] = {}
    for entry in versions:
        known = by_version.get(entry.version)
        # One version is one edit, so both copies should be equal; if a file says
        # otherwise, pick one by content so the outcome does not depend on order.
        if known is None or (known != entry and repr(entry) < repr(known)):
            by_version[entry.version] = entry
    candidates = list(by_version.values())
    return ordered(e for e in candidates if not any(o.supersedes(e) for o in candidates))


State = dict[Key, tuple[Entry, ...]]


def state_of(entries: Iterable[Entry]) -> State:
    groups: dict[Key, list[Entry]] = {}
    for entry in entries:
        groups.setdefault(entry.key, []).append(entry)
    return {key: maxima(group) for key, group in groups.items()}


@dataclass
class Counts:
    added: int = 0
    updated: int = 0
    deleted: int = 0
    conflicted: int = 0
    kept_private: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Change:
    key: Key
    before: tuple[Entry, ...]  # empty when the record is new here
    after: tuple[Entry, ...]  # current version first


@dataclass
class MergeResult:
    changes: list[Change] = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)
    conflicts: list[Key] = field(default_factory=list)  # records now holding two versions


def version_tag(table: str, record_id: str, version: str) -> str:
    """One version of one record as text: how a sync file's index and the set of stored
    versions name it, so comparing them is a set operation."""
    return f"{table}\t{record_id}\t{version}"


@dataclass(frozen=True)
class KnownVersions:
    """What a notebook has stored, for deciding cheaply which records a file may change."""

    stored: set[str]  # version_tag() of every stored row
    private: set[str]  # "table TAB record id" of the records made private here


def keys_to_merge(tags: list[str], record_keys: list[str], known: KnownVersions) -> set[Key]:
    """The records of a file (the version_tag of each entry, and its "table TAB record id")
    that merge could change.

    A record whose every incoming version is already stored here is skipped: the union of
    its versions is what is stored, so merge() would find nothing to do. (One version is one
    edit; a file that gives a stored version other content is not trusted to replace it.)
    Records made private here always go through merge(), which counts them as kept private.
    """
    found: set[Key] = set()
    for tag in set(tags).difference(known.stored):
        table, record_id, _version = tag.split("\t", 2)
        found.add((table, record_id))
    for key in known.private.intersection(record_keys):
        table, record_id = key.split("\t", 1)
        found.add((table, record_id))
    return found


def merge(local: State, incoming: Iterable[Entry]) -> MergeResult:
    """What importing `incoming` into `local` changes. Touches nothing."""
    result = MergeResult()
    for key, theirs in state_of(incoming).items():
        if any(is_private(e) for e in theirs):
            continue  # never sent by us; ignore it if a file holds one anyway
        mine = local.get(key, ())
        if mine and is_private(mine[0]):
            result.counts.kept_private += 1  # we made it private: their copy does not overwrite it
            continue
        after = maxima((*mine, *theirs)) if mine else theirs  # theirs: maxima already
        if after == mine:
            continue
        result.changes.append(Change(key, mine, after))
        _count(result, key, mine, after)
    return result


def _count(result: MergeResult, key: Key, before: tuple[Entry, ...], after: tuple[Entry, ...]) -> None:
    counts = result.counts
    was_live = bool(before) and not before[0].record.deleted
    is_live = not after[0].record.deleted
    # deleted on both sides is no conflict; nor are two versions of a session (joined, see meeting.py)
    if len(after) > 1 and is_live and key[0] != "sessions":
        counts.conflicted += 1
        result.conflicts.append(key)
    elif not is_live:
        counts.deleted += 1 if was_live else 0  # a tombstone of something never seen here is silent
    elif not was_live:
        counts.added += 1
    else:
        counts.updated += 1


def apply(local: State, result: MergeResult) -> State:
    """The state after the merge: what the store writes, as a value (for the law tests)."""
    out = dict(local)
    for change in result.changes:
        out[change.key] = change.after
    return out
