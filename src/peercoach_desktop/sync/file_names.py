"""Names of sync files: one per sender and laptop, so nothing overwrites anything.

A name is ``<partnership short id>-<sender's peer short id>-<laptop short id>.pcsync``: two
partners, or one person with two laptops, never write the same name into a shared folder, and one
folder can serve several partnerships. Only ids: a name is readable by anyone who sees the folder
(and by the sync engine's servers), so it carries no title or person's name, like the sync
file's clear header. The header inside stays the authority on whose file it is; the name is
only how we avoid collisions and skip files of other partnerships cheaply.
"""

from __future__ import annotations

SUFFIX = ".pcsync"
SHORT = 8  # hex characters of a uuid: collisions among one person's partnerships are negligible


def short(identifier: str) -> str:
    return identifier.replace("-", "")[:SHORT].lower()


def sync_file_name(partnership_id: str, sender_id: str, notebook_id: str) -> str:
    """The file this laptop writes for its partner (export default and sync folder)."""
    return f"{short(partnership_id)}-{short(sender_id)}-{short(notebook_id)[:4]}{SUFFIX}"


def may_belong_to(name: str, partnership_id: str) -> bool:
    """Whether a file name can be a sync file of this partnership (or a sync engine's conflict
    copy of one, which keeps the start of the name)."""
    return name.lower().startswith(short(partnership_id) + "-") and SUFFIX in name.lower()
