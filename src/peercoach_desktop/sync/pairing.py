"""Pairing: the invitation file that lets the partner start the same partnership.

The file is sealed (see sealed.py) with a key derived from a pairing passphrase the
partners share out of band, through Argon2id (64 MiB, memory-hard) with the salt and
cost in the clear header. Everything else, ids, title, names, the sync key and a
snapshot of every shared record (what a sync file would carry: never a private note),
is inside the ciphertext. Joining creates a notebook whose partnership, both peers
and their exact versions equal the inviter's, merged with that snapshot, so the joiner
sees the partner's goals, sessions, notes and steps at once and the first sync finds
nothing to reconcile.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peercoach_desktop.domain.clock import iso
from peercoach_desktop.domain.errors import (
    QT_TRANSLATE_NOOP,
    SealedKeyError,
    SyncFileError,
    Term,
    UsageError,
    WrongPassphraseError,
)
from peercoach_desktop.domain.merge import Change, Entry, Key, merge
from peercoach_desktop.domain.model import Partnership, Peer
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.sync import exchange, inbound, sealed, sync_file
from peercoach_desktop.sync.sealed import open_sealed, read_header, seal
from peercoach_desktop.system.bounded_input import read_handed_file
from peercoach_desktop.system.files import write_atomic
from peercoach_desktop.vault.descriptors import Descriptor
from peercoach_desktop.vault.library import Created, Library
from peercoach_desktop.vault.opener import open_notebook
from peercoach_desktop.vault.passphrase import KdfParams, derive_key

MAGIC = b"PeerCoach invite\n"
FORMAT = 1
WHAT = QT_TRANSLATE_NOOP("Core", "invitation file")
MIN_PAIRING_CHARS = 8
# An invitation carries the partnership, the two peers and a snapshot of every shared record:
# the bounds of a sync file.
MAX_INVITATION_BYTES = sealed.MAX_FILE
MAX_INVITATION_RECORDS = sync_file.MAX_RECORDS


def read_file(path: Path) -> bytes:
    """An invitation handed to the app, read once through the bounded reader."""
    return read_handed_file(path, max_bytes=MAX_INVITATION_BYTES, what=WHAT)


PAIRED = ("partnership", "peers")


@dataclass(frozen=True)
class Invitation:
    partnership_id: str
    inviter_id: str
    invitee_id: str
    sync_key: bytes
    records: list[Entry]  # every shared record as the inviter holds them (partnership and peers too)

    def record(self, cls: type, record_id: str) -> Any:
        return next(e.record for e in self.records if isinstance(e.record, cls) and e.record.id == record_id)


def check_pairing_passphrase(passphrase: str) -> None:
    if len(passphrase.strip()) < MIN_PAIRING_CHARS:
        raise UsageError(
            QT_TRANSLATE_NOOP("Core", "A pairing passphrase needs at least {min_pairing_chars} characters."),
            min_pairing_chars=MIN_PAIRING_CHARS,
        )


def write_invitation(
    library: Library, ref: str, passphrase: str, out: Path, passphrase_source: Any = None
) -> Invitation:
    """Write the invitation for partnership `ref`, making its sync key if it has none yet."""
    check_pairing_passphrase(passphrase)
    descriptor = library.resolve(ref)
    with open_notebook(library, descriptor, passphrase_source) as store:
        key = exchange.sync_key(library, descriptor, store, create=True)
        state = store.sync_state()
        invitation = Invitation(
            partnership_id=store.partnership_id,
            inviter_id=store.me_id,
            invitee_id=store.partner().id,
            sync_key=key,
            records=sync_file.shared_entries(state),
        )
        written_at = iso(library.clock.now())
    kdf = KdfParams.fresh()
    payload = {
        "partnership_id": invitation.partnership_id,
        "inviter_id": invitation.inviter_id,
        "invitee_id": invitation.invitee_id,
        "sync_key": key.hex(),
        "records": [sync_file.entry_to_json(e) for e in invitation.records],
    }
    header = {"format": FORMAT, "kdf": kdf.to_dict(), "written_at": written_at}
    write_atomic(out, seal(MAGIC, header, derive_key(passphrase, kdf), payload))
    return invitation


def read_invitation(data: bytes, passphrase: str) -> Invitation:
    head, prefix, body = read_header(data, MAGIC, WHAT)
    if head["format"] > FORMAT:
        raise SyncFileError(
            QT_TRANSLATE_NOOP(
                "Core", "This invitation was written by a newer PeerCoach Desktop. Update the app."
            )
        )
    try:
        kdf = KdfParams(**head["kdf"])
        # A header must not talk us into a weak derivation, nor into an endless one.
        if not (64 * 1024 <= kdf.memory_kib <= 1024 * 1024 and 1 <= kdf.time_cost <= 10):
            raise ValueError
        if not 1 <= kdf.parallelism <= 8:
            raise ValueError
        if not all(isinstance(v, int) for v in (kdf.memory_kib, kdf.time_cost, kdf.parallelism)):
            raise TypeError
        if len(bytes.fromhex(kdf.salt_hex)) < 8:  # not hex, or too short for Argon2: damaged
            raise ValueError
    except (KeyError, TypeError, ValueError):
        raise SyncFileError(
            QT_TRANSLATE_NOOP("Core", "This is not a PeerCoach {what}."), what=Term(WHAT)
        ) from None
    try:
        payload = open_sealed(head, prefix, body, derive_key(passphrase, kdf), WHAT)
    except SealedKeyError:
        # AEAD cannot tell a wrong passphrase from a changed file; the passphrase is by far
        # the likelier, and a distinct error lets the window and the CLI ask again.
        raise WrongPassphraseError(
            QT_TRANSLATE_NOOP(
                "Core",
                "This pairing passphrase does not open the invitation (or the file was changed). "
                "Check the passphrase with your partner and type it again. Nothing was changed.",
            )
        ) from None
    records = payload.get("records") if isinstance(payload, dict) else None
    if isinstance(records, list) and len(records) > MAX_INVITATION_RECORDS:
        raise sync_file.too_many_records(WHAT, MAX_INVITATION_RECORDS)
    try:
        invitation = Invitation(
            partnership_id=str(payload["partnership_id"]),
            inviter_id=str(payload["inviter_id"]),
            invitee_id=str(payload["invitee_id"]),
            sync_key=bytes.fromhex(payload["sync_key"]),
            records=[sync_file.entry_from_json(item) for item in payload["records"]],
        )
        invitation.record(Partnership, invitation.partnership_id)
        invitation.record(Peer, invitation.inviter_id)
        invitation.record(Peer, invitation.invitee_id)
        # Beyond the partnership and the two peers it carries a snapshot of the shared records
        # (what a sync file would): the validator below checks every one of them.
        ids = {invitation.partnership_id, invitation.inviter_id, invitation.invitee_id}
        if any(e.kind in PAIRED and e.record.id not in ids for e in invitation.records):
            raise ValueError("a second partnership or a third peer")
    except (KeyError, TypeError, ValueError, StopIteration, AttributeError, RecursionError):
        raise SyncFileError(
            QT_TRANSLATE_NOOP("Core", "This {what} is damaged inside."), what=Term(WHAT)
        ) from None
    # The same validator as every sync file: types, lengths, versions, the two peers only.
    inbound.check_invitation(invitation.records, invitation.inviter_id, invitation.invitee_id, WHAT)
    return invitation


@dataclass(frozen=True)
class Joined:
    descriptor: Descriptor
    recovery_code: str | None  # None: the partnership was already here, only its sync key changed
    received: dict[str, int] = field(default_factory=dict)  # live shared records by table, when created


def join(
    library: Library,
    data: bytes,
    passphrase: str,
    notebook_passphrase: str | None = None,
    passphrase_source: Any = None,
) -> Joined:
    """Read the invitation and join it (join_invitation)."""
    return join_invitation(library, read_invitation(data, passphrase), notebook_passphrase, passphrase_source)


def join_invitation(
    library: Library,
    invitation: Invitation,
    notebook_passphrase: str | None = None,
    passphrase_source: Any = None,
) -> Joined:
    """Create this laptop's notebook of the partnership the invitation describes, holding the
    inviter's shared records. If the partnership is already here (a keyring that lost the sync
    key, a partner who invited again), only take the invitation's sync key; passphrase_source
    opens it if protected."""
    found = [d for d in library.descriptors() if d.partnership_id == invitation.partnership_id]
    if not found:
        created = _create(library, invitation, notebook_passphrase)
        created.store.close()
        received: dict[str, int] = {}
        for kind, _ in {e.key for e in invitation.records if e.kind not in PAIRED and not e.record.deleted}:
            received[kind] = received.get(kind, 0) + 1
        return Joined(created.descriptor, created.recovery_code, received)
    with open_notebook(library, found[0], passphrase_source) as store:
        if (store.me_id, store.partner().id) != (invitation.invitee_id, invitation.inviter_id):
            raise UsageError(
                QT_TRANSLATE_NOOP(
                    "Core", "This invitation is for your partner's side of this partnership, not yours."
                )
            )
        exchange.keep_sync_key(library, found[0], store, invitation.sync_key)
    return Joined(found[0], None)


def _create(library: Library, invitation: Invitation, notebook_passphrase: str | None) -> Created:
    me = invitation.record(Peer, invitation.invitee_id)
    partner = invitation.record(Peer, invitation.inviter_id)
    title = invitation.record(Partnership, invitation.partnership_id).title
    created = library.create(
        me.name,
        partner.name,
        title,
        notebook_passphrase,
        joining=(invitation.partnership_id, invitation.invitee_id, invitation.inviter_id),
    )
    try:
        _adopt(created.store, invitation.records)
        exchange.keep_sync_key(library, created.descriptor, created.store, invitation.sync_key)
    except BaseException:
        created.store.close()
        library.discard(created.descriptor)
        raise
    return created


def _adopt(store: NotebookStore, entries: list[Entry]) -> None:
    """Replace the freshly made partnership and peers by the inviter's exact versions, then
    merge the rest of the snapshot (an invitation of an older app carries none)."""
    paired: dict[Key, list[Entry]] = {}
    for e in entries:
        if e.kind in PAIRED:
            paired.setdefault(e.key, []).append(e)  # in the inviter's order: current version first
    shared = [e for e in entries if e.kind not in PAIRED]
    with store.writing() as work:
        work.write_changes([Change(key, (), tuple(group)) for key, group in paired.items()])
        work.write_changes(merge(work.sync_state(), shared).changes)
        work.observe(max(e.version for e in entries))
