"""The workshop notebook: keyed like a partnership notebook, refusing what is not one."""

from __future__ import annotations

from pathlib import Path

import pytest

from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.domain.errors import MissingKeyError, NotebookFormatError, WrongKeyError
from peercoach_desktop.vault.keystore import MemoryKeyStore
from peercoach_desktop.vault.library import Library
from peercoach_desktop.vault.workshops import WorkshopLibrary


@pytest.fixture
def workshops(data_dir: Path) -> WorkshopLibrary:
    return WorkshopLibrary(data_dir, MemoryKeyStore(), FakeClock())


def test_a_workshop_reopens_with_its_roster(workshops: WorkshopLibrary) -> None:
    created = workshops.create("Faculty spring")
    created.store.add_participants([("Ana", "Physics"), ("Ben", "History")], present=True)
    created.store.close()
    (descriptor,) = workshops.descriptors()
    with workshops.open(descriptor) as store:
        assert store.title() == "Faculty spring"
        assert [(p.name, p.unit, p.present) for p in store.participants()] == [
            ("Ana", "Physics", True),
            ("Ben", "History", True),
        ]


def test_partnership_notebooks_do_not_list_workshops_and_the_reverse(workshops: WorkshopLibrary) -> None:
    workshops.create("Faculty spring").store.close()
    library = Library(workshops.data_dir, workshops.keystore, workshops.clock)
    library.create("Ana", "Ben").store.close()
    assert len(library.descriptors()) == 1 and len(workshops.descriptors()) == 1


def test_a_wiped_keyring_is_explained_and_the_recovery_code_brings_it_back(
    workshops: WorkshopLibrary,
) -> None:
    created = workshops.create("Faculty spring")
    created.store.close()
    workshops.keystore.delete(created.descriptor.notebook_id)
    with pytest.raises(MissingKeyError, match="peercoach workshop recover"):
        workshops.open(created.descriptor)
    workshops.recover(created.descriptor, created.recovery_code).close()
    workshops.open(created.descriptor).close()


def test_a_wrong_key_or_a_partnership_file_is_refused_untouched(workshops: WorkshopLibrary) -> None:
    created = workshops.create("Faculty spring")
    created.store.close()
    workshops.keystore.put(created.descriptor.notebook_id, b"\1" * 32)
    before = created.descriptor.path.read_bytes()
    with pytest.raises(WrongKeyError):
        workshops.open(created.descriptor)
    assert created.descriptor.path.read_bytes() == before
    # A partnership notebook opened as a workshop: a clear refusal, not a crash.
    library = Library(workshops.data_dir, workshops.keystore, workshops.clock)
    notebook = library.create("Ana", "Ben").descriptor
    from peercoach_desktop.storage.workshop_store import WorkshopStore

    key = workshops.keystore.get(notebook.notebook_id)
    assert key is not None
    with pytest.raises(NotebookFormatError, match="not a PeerCoach workshop"):
        WorkshopStore.open(notebook.path, key, clock=workshops.clock)
