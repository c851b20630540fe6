"""One small exception tree. Messages are shown to the user as they are, so they
never carry a key, a passphrase or a word the user wrote.

Messages are translatable without Qt here: raise with an English template marked for
pyside6-lupdate and the values as named fields,
``raise UsageError(QT_TRANSLATE_NOOP("Core", "No goal matches {ref!r}."), ref=ref)``.
str(error) is the English text (CLI, logs); the GUI translates the template in context "Core"
and formats it with the same fields (ui/dialogs.error_text). A field that is itself an English
word or phrase (a Term) is translated there too. tests/test_core_errors_i18n.py keeps every
raise in core on this pattern.
"""

from __future__ import annotations

from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name pyside6-lupdate looks for
    """Marks text for translation in context; returns it unchanged (English)."""
    return text


class Term(str):
    """A field value that is an English word or phrase from the code (not the user's), e.g.
    "A due date": the GUI translates it in context "Core" before formatting the message."""

    __slots__ = ()


class PeerCoachError(Exception):
    """Base of every error the user can be told about in one line."""

    kind = "error"  # a stable word for scripts (`--json` errors); subclasses name their own

    def __init__(self, message: str, /, **fields: Any) -> None:
        super().__init__(message.format(**fields) if fields else message)
        self.template = message
        self.fields = fields


class UsageError(PeerCoachError):
    """The request itself is wrong (bad id, bad value): the CLI exits 2."""

    kind = "usage"


class NotFoundError(PeerCoachError):
    """No partnership or record matches what was asked for."""

    kind = "not_found"


class AmbiguousError(PeerCoachError):
    """More than one partnership or record matches a prefix or title."""

    kind = "ambiguous"


class KeyringError(PeerCoachError):
    """The OS keyring is missing, insecure, locked or refused the request."""

    kind = "keyring"


class MissingKeyError(PeerCoachError):
    """The keyring holds no key for a notebook (new laptop, wiped keyring)."""

    kind = "missing_key"


class WrongKeyError(PeerCoachError):
    """The key, recovery code or passphrase does not open the notebook."""

    kind = "wrong_key"


class NotebookFormatError(PeerCoachError):
    """The file is not a notebook we can open (corrupt, newer schema, not ours)."""

    kind = "notebook_format"


class PassphraseRequiredError(PeerCoachError):
    """A passphrase-protected notebook was opened without a passphrase."""

    kind = "passphrase_required"


class SyncFileError(PeerCoachError):
    """A sync or invitation file is not ours, damaged, for another partnership or too new."""

    kind = "sync_file"


class StorageError(PeerCoachError):
    """The disk refused or damaged a read or write: full, I/O error, corrupt page, read-only.
    Its kind says which (storage/storage_errors.py maps the causes)."""

    def __init__(self, message: str, /, kind: str = "storage", **fields: Any) -> None:
        super().__init__(message, **fields)
        self.kind = kind


class InputFileError(PeerCoachError):
    """A file handed to the app (sync file, invitation, backup) is not a regular file, is too
    large, or inflates past what its format allows; it was refused before being trusted."""

    kind = "input_file"


class SealedKeyError(SyncFileError):
    """A sealed file does not open with the key given (wrong key or passphrase, or changed)."""


class WrongPassphraseError(SyncFileError):
    """The pairing passphrase does not open an invitation: worth asking again."""


class OwnFileError(SyncFileError):
    """A sync file this peer wrote itself: there is nothing in it to import."""
