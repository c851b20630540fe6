"""Two paired laptops in one process: Ana invites, Ben joins, files go back and forth."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.domain.model import Record
from peercoach_desktop.storage import sync_rows
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.sync import exchange, pairing
from peercoach_desktop.vault.keystore import MemoryKeyStore
from peercoach_desktop.vault.library import Library
from peercoach_desktop.vault.opener import open_notebook

PAIRING = "correct horse battery"


@dataclass
class Pair:
    ana: NotebookStore
    ben: NotebookStore
    ana_library: Library
    ben_library: Library
    key: bytes
    folder: Path
    clock: FakeClock

    def send(self, sender: NotebookStore, receiver: NotebookStore, *, dry_run: bool = False):
        path = self.folder / f"from-{sender.me().name}.pcsync"
        exchange.export_file(sender, self.key, path)
        act = exchange.preview_import if dry_run else exchange.apply_import
        return act(receiver, path, self.key)

    def exchange(self) -> None:
        self.send(self.ana, self.ben)
        self.send(self.ben, self.ana)

    def close(self) -> None:
        self.ana.close()
        self.ben.close()


def make_pair(root: Path, *, invitation_file: bool = False) -> Pair:
    """Ana creates the partnership and invites Ben. By default the invitation is handed over
    in memory, skipping the file's deliberately slow (~0.3 s) Argon2id; test_pairing_file
    and the CLI tests go through the real file."""
    clock = FakeClock()
    ana_lib = Library(root / "ana", MemoryKeyStore(), clock)
    ben_lib = Library(root / "ben", MemoryKeyStore(), clock)
    created = ana_lib.create("Ana", "Ben", "Ana & Ben")
    created.store.close()
    if invitation_file:
        path = root / "invite.pcinvite"
        pairing.write_invitation(ana_lib, created.descriptor.partnership_id, PAIRING, path)
        ben = open_notebook(ben_lib, pairing.join(ben_lib, path.read_bytes(), PAIRING).descriptor)
    else:
        with open_notebook(ana_lib, created.descriptor) as store:
            key = exchange.sync_key(ana_lib, created.descriptor, store, create=True)
            state = sync_rows.read_state(store._conn)
            versions = [e for (kind, _), group in state.items() if kind in pairing.PAIRED for e in group]
            invitation = pairing.Invitation(
                store.partnership_id, store.me_id, store.partner().id, key, versions
            )
        ben = pairing._create(ben_lib, invitation, None).store
    ana = open_notebook(ana_lib, created.descriptor)
    key = exchange.sync_key(ana_lib, created.descriptor, ana)
    folder = root / "exchange"
    folder.mkdir()
    return Pair(ana, ben, ana_lib, ben_lib, key, folder, clock)


def delete(store: NotebookStore, record: Record) -> Record:
    """The store has no delete command yet; a tombstone is an ordinary change."""
    return store.change_record(record, deleted=True)


def edit(store: NotebookStore, record: Record, **changes: object) -> Record:
    return store.change_record(record, **changes)


def shared_view(store: NotebookStore) -> dict[str, object]:
    """What both partners should see alike: shared records, without local-only fields."""
    snap = store.snapshot()

    def plain(records: list) -> list:
        shared = [dataclasses.asdict(r) for r in records if getattr(r, "visibility", "shared") == "shared"]
        return sorted(shared, key=lambda d: d["id"])

    return {
        "title": snap.title,
        "peers": sorted([snap.me.name, snap.partner.name]),
        "goals": plain(snap.goals),
        "sessions": plain(snap.sessions),
        "notes": plain(snap.notes),
        "steps": plain(snap.steps),
    }
