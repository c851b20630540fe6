"""One small exception tree. Messages are shown to the user as they are, so they
never carry a key, a passphrase or a word the user wrote."""

from __future__ import annotations


class PeerCoachError(Exception):
    """Base of every error the user can be told about in one line."""


class UsageError(PeerCoachError):
    """The request itself is wrong (bad id, bad value): the CLI exits 2."""


class NotFoundError(PeerCoachError):
    """No partnership or record matches what was asked for."""


class AmbiguousError(PeerCoachError):
    """More than one partnership or record matches a prefix or title."""


class KeyringError(PeerCoachError):
    """The OS keyring is missing, insecure, locked or refused the request."""


class MissingKeyError(PeerCoachError):
    """The keyring holds no key for a notebook (new laptop, wiped keyring)."""


class WrongKeyError(PeerCoachError):
    """The key, recovery code or passphrase does not open the notebook."""


class NotebookFormatError(PeerCoachError):
    """The file is not a notebook we can open (corrupt, newer schema, not ours)."""


class PassphraseRequiredError(PeerCoachError):
    """A passphrase-protected notebook was opened without a passphrase."""


class SyncFileError(PeerCoachError):
    """A sync or invitation file is not ours, damaged, for another partnership or too new."""
