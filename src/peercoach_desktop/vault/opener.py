"""Opening a notebook for use, the explicit way: settle a key change that a killed process left
half done (this writes to the keyring), open and migrate the notebook, then take the day's
encrypted backup. `Library.open` alone does none of the side effects, so looking a partnership up
by title (Library.resolve) never touches keys or backups."""

from __future__ import annotations

import contextlib

from peercoach_desktop.domain.errors import PeerCoachError
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.vault import backup, rekey
from peercoach_desktop.vault.descriptors import Descriptor, PassphraseSource
from peercoach_desktop.vault.library import Library


def open_notebook(
    library: Library,
    descriptor: Descriptor,
    passphrase: PassphraseSource | None = None,
    *,
    daily_backup: bool = True,
) -> NotebookStore:
    """The notebook, ready for use. What the user should hear about (an interrupted key change
    settled, a backup that failed) is appended to `library.notices`.

    daily_backup=False: the window shows the notebook first and takes the day's backup later
    (~150 ms at 10k notes, Workspace.take_daily_backups)."""
    library.require_file(descriptor)
    settled = rekey.settle(library, descriptor)
    if settled is not None:
        library.notices.append(settled.message)
        if settled.recovery_code is not None:
            library.unshown_codes.append(descriptor)
    key = library.key_for(descriptor, passphrase)  # once: a passphrase's KDF costs ~240 ms
    store = library.open_with_key(descriptor, key)
    if daily_backup:
        backup.daily_backup(library, descriptor, key)
    return store


def notices_shown(library: Library) -> None:
    """The notices reached the user: a recovery code they named need not be shown again."""
    shown, library.unshown_codes[:] = list(library.unshown_codes), []
    for descriptor in shown:
        with contextlib.suppress(PeerCoachError):
            rekey.code_shown(library, descriptor)
