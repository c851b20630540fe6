"""One person joining a partnership on two laptops: both write versions under the same clock
node (the person's peer id), which the merge cannot tell apart, so their edits could silently
replace each other. The files that would mix them are refused, saying why in words."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import memory_library

from peercoach_desktop.domain.errors import SyncFileError
from peercoach_desktop.domain.model import Note
from peercoach_desktop.sync import exchange, file_names, pairing
from peercoach_desktop.sync.folder import FolderState, sync_round
from peercoach_desktop.vault.opener import open_notebook

PAIRING = "pass phrase for two"
SAID = "changes made in your name on another laptop"


def test_a_second_laptop_of_the_same_partner_is_refused_in_words(tmp_path: Path) -> None:
    ana_library = memory_library(tmp_path / "ana")
    created = ana_library.create("Ana", "Ben", "Ana & Ben")
    created.store.close()
    invitation = tmp_path / "ben.pcinvite"
    pairing.write_invitation(ana_library, created.descriptor.partnership_id, PAIRING, invitation)
    first, second = memory_library(tmp_path / "ben-1"), memory_library(tmp_path / "ben-2")
    d1 = pairing.join(first, invitation.read_bytes(), PAIRING).descriptor
    d2 = pairing.join(second, invitation.read_bytes(), PAIRING).descriptor  # the same invitation again
    folder = tmp_path / "shared"
    folder.mkdir()
    with (
        open_notebook(ana_library, created.descriptor) as ana,
        open_notebook(first, d1) as ben1,
        open_notebook(second, d2) as ben2,
    ):
        assert ben1.me_id == ben2.me_id  # one person: one peer id, one clock node
        key = exchange.sync_key(ana_library, created.descriptor, ana)
        ben1.add_note("Written on Ben's first laptop")
        ben2.add_note("Written on Ben's second laptop")
        sync_round(ben1, key, d1.notebook_id, folder, FolderState())
        ana_notebook = created.descriptor.notebook_id
        sync_round(ana, key, ana_notebook, folder, FolderState())  # Ana takes it, writes hers

        # Ana's file now carries a version in Ben's name that Ben's second laptop never wrote
        before = sorted(n.body for n in ben2.list(Note))
        ana_file = folder / file_names.sync_file_name(ana.partnership_id, ana.me_id, ana_notebook)
        with pytest.raises(SyncFileError, match=SAID):
            exchange.apply_import(ben2, ana_file, key)
        report = sync_round(ben2, key, d2.notebook_id, folder, FolderState())
        said = {name: str(problem) for name, problem in report.outstanding.items()}
        assert len(said) == 2 and all(SAID in text for text in said.values())  # Ana's file, Ben's first
        assert sorted(n.body for n in ben2.list(Note)) == before  # nothing mixed in
