"""Reading notebook keys from the Secret Service without importing keyring.

`import keyring` costs ~50 ms (its backend machinery pulls in urllib and http.client)
before the first key can be read, and each keyring read opens a new D-Bus session.
At start-up that is most of the wait before a notebook shows. This reader asks the
same Secret Service for the same items keyring writes (attributes 'service' and
'username' in the default collection), over one connection kept for the process.
Writes and deletes still go through keyring, so the stored format stays keyring's.
"""

from __future__ import annotations

import threading
from typing import Any


class SecretServiceReader:
    def __init__(self) -> None:
        self._connection: Any = None
        self._lock = threading.Lock()

    def read(self, service: str, username: str, *, may_ask: bool = True) -> str | None:
        """The secret, or None; may_ask=False: a locked keyring raises instead of asking."""
        with self._lock:
            try:
                return self._read(service, username, may_ask)
            except Exception:
                self.close()  # a dropped bus: the next read reconnects
                raise

    def _read(self, service: str, username: str, may_ask: bool) -> str | None:
        import secretstorage

        if self._connection is None:
            self._connection = secretstorage.dbus_init()
        collection = secretstorage.get_default_collection(self._connection)
        if collection.is_locked():
            if not may_ask:
                raise secretstorage.exceptions.LockedException("the keyring is locked")
            collection.unlock()  # the desktop asks the user, as keyring would
            if collection.is_locked():
                raise secretstorage.exceptions.LockedException("the keyring stayed locked")
        for item in collection.search_items({"username": username, "service": service}):
            if item.is_locked():
                if not may_ask:
                    raise secretstorage.exceptions.LockedException("the key is locked")
                item.unlock()
                if item.is_locked():
                    raise secretstorage.exceptions.LockedException("the key stayed locked")
            return item.get_secret().decode("utf-8")
        return None

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
