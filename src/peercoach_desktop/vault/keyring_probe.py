"""A real round-trip through the keyring (store, read back, delete a probe entry), for `doctor`.

Naming the backend proves little: a locked collection, a Secret Service that vanished or a
keyring that silently drops writes only show when a key is really stored and read back.
"""

from __future__ import annotations

import os

from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, KeyringError, PeerCoachError, Term
from peercoach_desktop.vault.keystore import FIX_HINT, KeyStore

PROBE_PREFIX = "peercoach-doctor-probe-"


def probe(keystore: KeyStore) -> None:
    """Raise KeyringError (with the fix) unless a probe key survives a store/read/delete."""
    entry = PROBE_PREFIX + os.urandom(6).hex()
    value = os.urandom(32)
    try:
        keystore.put(entry, value)
        keystore.forget_cached()  # read back from the keyring itself, not from memory
        read = keystore.get(entry)
        keystore.delete(entry)
        keystore.forget_cached()
        gone = keystore.get(entry) is None
    except KeyringError:
        raise
    except PeerCoachError as exc:
        raise KeyringError(exc.template, **exc.fields) from None
    if read != value or not gone:
        raise KeyringError(
            QT_TRANSLATE_NOOP(
                "Core", "The OS keyring did not give back a key it had just stored. {fix_hint}"
            ),
            fix_hint=Term(FIX_HINT),
        )
