"""The notebooks a running app has open, and the summaries its window lists.

Owned by the one worker thread that talks to SQLCipher; the window only ever sees
the plain dataclasses returned here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from peercoach_desktop.domain.clock import iso
from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, PassphraseRequiredError, PeerCoachError
from peercoach_desktop.storage.history import HistoryPolicy
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.vault import backup
from peercoach_desktop.vault.descriptors import Descriptor
from peercoach_desktop.vault.library import Library
from peercoach_desktop.vault.opener import notices_shown, open_notebook
from peercoach_desktop.vault.partnership_summary import FirstScreen, PartnershipSummary

T = TypeVar("T")
LOCKED = QT_TRANSLATE_NOOP("Core", "Protected by a passphrase: select it to unlock.")


def _bare(error: PeerCoachError) -> PeerCoachError:
    """The message alone: no traceback holding the failed open's frames alive in a summary."""
    return PeerCoachError(error.template, **error.fields)


class Workspace:
    def __init__(self, library: Library, *, defer_daily_backups: bool = False) -> None:
        """defer_daily_backups: the window shows the notebooks first and takes the day's
        backups afterwards (take_daily_backups), instead of on each open."""
        self.library = library
        self._stores: dict[str, NotebookStore] = {}
        self._defer_backups = defer_daily_backups
        self.history_policy = HistoryPolicy()

    def open_all(self) -> list[PartnershipSummary]:
        summaries = []
        for descriptor in self.library.descriptors():
            pid = descriptor.partnership_id
            try:
                store = self._stores.get(pid) or self._open(descriptor)
            except PassphraseRequiredError:
                locked = PassphraseRequiredError(LOCKED)
                summaries.append(
                    PartnershipSummary(
                        pid, "", "", None, problem=str(locked), needs_passphrase=True, error=locked
                    )
                )
                continue
            except PeerCoachError as exc:
                summaries.append(PartnershipSummary(pid, "", "", None, problem=str(exc), error=_bare(exc)))
                continue
            store.history_policy = self.history_policy
            self._stores[pid] = store
            summaries.append(self.summary(pid))
        return summaries

    def open_with_passphrase(self, partnership_id: str, passphrase: str) -> PartnershipSummary:
        descriptor = next(d for d in self.library.descriptors() if d.partnership_id == partnership_id)
        # Its key is derived from the passphrase, not kept anywhere: back it up while we have it.
        self._stores[partnership_id] = open_notebook(self.library, descriptor, lambda: passphrase)
        return self.summary(partnership_id)

    def _open(self, descriptor: Descriptor) -> NotebookStore:
        return open_notebook(self.library, descriptor, daily_backup=not self._defer_backups)

    def take_daily_backups(self) -> list[str]:
        """Today's encrypted backup of every open keyring notebook (a stat when it exists);
        returns the notices the library gathered (a failed backup, a finished key change)."""
        for descriptor in self.library.descriptors():
            if descriptor.partnership_id in self._stores and descriptor.kdf is None:
                key = self.library.keystore.get(descriptor.notebook_id)
                if key is not None:
                    backup.daily_backup(self.library, descriptor, key)
        notices, self.library.notices[:] = list(self.library.notices), []
        # Handed to the window, which shows them at once (or after unlock, before any content).
        notices_shown(self.library)
        return notices

    def summary(self, partnership_id: str) -> PartnershipSummary:
        store = self.store(partnership_id)
        return PartnershipSummary(
            partnership_id, store.partnership().title, store.partner().name, self.next_meeting(store)
        )

    def next_meeting(self, store: NotebookStore) -> str | None:
        return store.next_meeting(iso(self.library.clock.now()))

    def add(self, store: NotebookStore) -> None:
        store.history_policy = self.history_policy
        self._stores[store.partnership_id] = store

    def set_history_policy(self, policy: HistoryPolicy) -> None:
        """How many earlier versions, and how old, each open notebook keeps (preferences)."""
        self.history_policy = policy
        for store in self._stores.values():
            store.set_history_policy(policy)

    def store(self, partnership_id: str) -> NotebookStore:
        try:
            return self._stores[partnership_id]
        except KeyError:
            raise PeerCoachError(QT_TRANSLATE_NOOP("Core", "This notebook is locked or closed.")) from None

    def reopen(self, partnership_id: str, change: Callable[[Descriptor], T]) -> T:
        """Close one notebook, let `change` work on its closed file (a key rotation), open it again."""
        descriptor = next(d for d in self.library.descriptors() if d.partnership_id == partnership_id)
        store = self._stores.pop(partnership_id, None)
        if store is not None:
            store.close()
        try:
            return change(descriptor)
        finally:
            self._stores[partnership_id] = self._open(descriptor)

    def close_one(self, partnership_id: str) -> None:
        """Close one notebook (a restore is about to replace its file); open_all opens it again."""
        store = self._stores.pop(partnership_id, None)
        if store is not None:
            store.close()

    def close_all(self) -> None:
        """Lock: close every notebook and forget cached keys, so unlocking reads the keyring again."""
        for store in self._stores.values():
            store.close()
        self._stores.clear()
        self.library.keystore.forget_cached()


def read_first_screen(folder: Path) -> FirstScreen | None:
    """What the window shows first, read in vault.first_screen's child process: every notebook
    opened as the window opens them, and the first one's overview; None wherever the window has
    more to do than show them (it then opens the notebooks itself and does that)."""
    from peercoach_desktop.storage import browse
    from peercoach_desktop.vault import rekey
    from peercoach_desktop.vault.keystore import OsKeyStore

    library = Library(folder, OsKeyStore(may_ask=False))
    descriptors = library.descriptors()
    if not descriptors or any(d.kdf is not None or rekey.is_pending(d) for d in descriptors):
        return None  # nothing to show, a passphrase to ask, or a key change to settle and tell
    workspace = Workspace(library, defer_daily_backups=True)
    try:
        summaries = workspace.open_all()
        if any(summary.problem for summary in summaries) or library.notices:
            return None
        first = summaries[0].partnership_id
        overview = browse.overview(workspace.store(first), iso(library.clock.now()))
        return FirstScreen(summaries, first, overview)
    finally:
        workspace.close_all()
