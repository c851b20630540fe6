"""The one validator for records from outside (a partner's sync file, an invitation), run
before the merge sees them.

The sync key is shared, so a sealed file proves only that it came from the partnership,
not that each record is well-formed or honestly authored. Checked here, for every version:

- shape: every field has its declared type, within a length or range, text is valid
  UTF-8 (no lone surrogates), nested JSON fields are shallow;
- versions: the fixed-width HLC form `<12 hex>.<4 hex>.<peer id>` the clock's string
  ordering relies on, written by one of the two peers;
- authorship: only the two peers of this partnership exist; the partner cannot create a
  record in my name, change who wrote a record, rename me, or add a second partnership.

Any failure refuses the whole file: nothing is merged, nothing changes. Shape and versions are
checked by sync/record_shape.py; this module adds authorship and is where callers come in.
"""

from __future__ import annotations

from collections.abc import Iterable

from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, SyncFileError, Term
from peercoach_desktop.domain.merge import Entry, Key, node_of
from peercoach_desktop.domain.model import Partnership, Peer, Record, Session
from peercoach_desktop.sync.record_shape import check_shape, rows_fit

__all__ = ["check_authorship", "check_from_partner", "check_invitation", "check_shape", "rows_fit"]

FORGED = QT_TRANSLATE_NOOP(
    "Core",
    "This {what} holds a record written in someone else's name ({kind}, field {field}): only your "
    "partner's own changes are accepted. Nothing was changed.",
)


SECOND_LAPTOP = QT_TRANSLATE_NOOP(
    "Core",
    "This {what} holds changes made in your name on another laptop. A partnership is kept on one "
    "laptop per partner: use it on that laptop only (to move it, restore a backup on the new one). "
    "Nothing was changed.",
)


def check_from_partner(
    entries: Iterable[Entry],
    local: dict[Key, tuple[Entry, ...]],
    *,
    me_id: str,
    partner_id: str,
    partnership_id: str,
    what: str,
) -> None:
    """Shape, then authorship against the notebook as it is (`local`: sync_rows.read_state)."""
    entries = list(entries)
    check_shape(entries, what)
    check_authorship(
        entries, local, me_id=me_id, partner_id=partner_id, partnership_id=partnership_id, what=what
    )


def check_authorship(
    entries: Iterable[Entry],
    local: dict[Key, tuple[Entry, ...]],
    *,
    me_id: str,
    partner_id: str,
    partnership_id: str,
    what: str,
) -> None:
    """Authorship of entries whose shape check_shape has passed (check_from_partner, in two
    steps for an import that looks up only the stored records it needs in between)."""
    peers = {me_id, partner_id}
    for entry in entries:
        field = _forged_field(entry, local, peers, me_id, partner_id, partnership_id)
        if field == "version" and entry.key not in local and node_of(entry.record.version) == me_id:
            # A version in my name I never wrote: most likely I joined this partnership on a second
            # laptop too, whose versions carry the same node (my peer id) and cannot be told apart
            # from mine, nor merged safely. Say that, rather than "someone else's name".
            raise second_laptop(what)
        if field is not None:
            raise forged(what, entry.kind, field)


def check_invitation(entries: list[Entry], inviter_id: str, invitee_id: str, what: str) -> None:
    """An invitation's records: well-formed, and written by one of its two peers."""
    check_shape(entries, what)
    peers = {inviter_id, invitee_id}
    for entry in entries:
        if node_of(entry.record.version) not in peers or entry.record.author_id not in peers:
            raise forged(what, entry.kind, "author_id")


def second_laptop(what: str) -> SyncFileError:
    return SyncFileError(SECOND_LAPTOP, what=Term(what))


def forged(what: str, kind: str, field: str) -> SyncFileError:
    return SyncFileError(FORGED, what=Term(what), kind=kind, field=field)


def _forged_field(
    entry: Entry,
    local: dict[Key, tuple[Entry, ...]],
    peers: set[str],
    me_id: str,
    partner_id: str,
    partnership_id: str,
) -> str | None:
    record = entry.record
    mine = local.get(entry.key)
    if node_of(record.version) not in peers or any(node not in peers for node, _ in entry.ctx):
        return "version"  # a third peer
    if record.author_id not in peers:
        return "author_id"
    if isinstance(record, Partnership) and record.id != partnership_id:
        return "id"  # a second partnership
    if isinstance(record, Peer):
        if record.id not in peers:
            return "id"  # a third peer
        if record.id == me_id and mine and (record.name != _current(mine).name or record.deleted):
            return "name"  # only I rename (or remove) myself
    if mine:
        # Who wrote a record never changes; a session is both peers' meeting, which either
        # laptop may have started under the same id (domain/meeting.py).
        if record.author_id != _current(mine).author_id and not isinstance(record, Session):
            return "author_id"
    elif node_of(record.version) != partner_id:
        return "version"  # a record new here was last written by the partner, not by me
    elif record.author_id != partner_id and not _split_from_mine(entry, local, me_id):
        return "author_id"  # a new record from the partner is the partner's
    return None


def _split_from_mine(entry: Entry, local: dict[Key, tuple[Entry, ...]], me_id: str) -> bool:
    """A conflict copy of my text that the partner kept as a record of its own (sync_rows.settle
    with keep_copies): new id, the partner's version, but my authorship and my record's creation
    time. Anything else new in my name is forged."""
    record = entry.record
    return any(
        kind == entry.kind and e.record.author_id == me_id and e.record.created_at == record.created_at
        for (kind, _), versions in local.items()
        for e in versions
    )


def _current(versions: tuple[Entry, ...]) -> Record:
    return versions[0].record  # state_of puts the current version first
