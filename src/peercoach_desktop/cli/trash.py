"""Trash and history commands for `peercoach`: delete, trash, restore, purge, history."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from peercoach_desktop.coaching import trash
from peercoach_desktop.domain.errors import NotFoundError, UsageError
from peercoach_desktop.domain.model import Goal, NextStep, Note
from peercoach_desktop.storage.search import first_line


def cmd_delete(ctx: Any) -> None:
    with ctx.open(ctx.args.partnership) as store:
        moved = trash.delete(store, ctx.args.id)
    extra = f" (with {len(moved) - 1} linked record(s))" if len(moved) > 1 else ""
    ctx.emit(
        {"moved": [r.id for r in moved]}, lambda: [f"Moved to the trash{extra}: {trash.label(moved[0])}"]
    )


def cmd_trash(ctx: Any) -> None:
    with ctx.open(ctx.args.partnership) as store:
        listed = trash.items(store)

    def lines() -> list[str]:
        if not listed:
            return ["The trash is empty."]
        rows = []
        for item in listed:
            extra = f" (+{item.with_it} linked)" if item.with_it else ""
            rows.append(f"{item.record.id[:8]}  {item.kind:<7} {item.deleted_at[:16]}  {item.label}{extra}")
        return rows

    ctx.emit([item.to_dict() for item in listed], lines)


def cmd_restore(ctx: Any) -> None:
    with ctx.open(ctx.args.partnership) as store:
        back = trash.restore(store, _full_id(store, ctx.args.id))
    ctx.emit({"restored": [r.id for r in back]}, lambda: [f"Restored: {trash.label(back[0])}"])


def cmd_purge(ctx: Any) -> None:
    with ctx.open(ctx.args.partnership) as store:
        gone = trash.purge(store, _full_id(store, ctx.args.id))
    ctx.emit({"purged": gone.id}, lambda: ["Purged: its words are gone for good."])


def cmd_history(ctx: Any) -> None:
    a = ctx.args
    with ctx.open(a.partnership) as store:
        record_id = _record_id(store, a.id)
        versions = store.versions(record_id)
        restored = None
        if a.restore is not None:
            if not 1 <= a.restore <= len(versions):
                raise UsageError(
                    f"There are {len(versions)} earlier versions; --restore takes 1 to {len(versions)}."
                )
            restored = store.restore_version(record_id, versions[a.restore - 1].rid)
    data = {"id": record_id, "versions": [v.to_dict() for v in versions], "restored": bool(restored)}

    def lines() -> list[str]:
        if restored is not None:
            return [f"Version {a.restore} is back, as a new version (the words it replaced are kept)."]
        if not versions:
            return ["No earlier versions."]
        return [f"{n:>3}  {v.saved_at[:16]}  {first_line(v.text(), 70)}" for n, v in enumerate(versions, 1)]

    ctx.emit(data, lines)


def _record_id(store: Any, ref: str) -> str:
    for cls in (Note, Goal, NextStep):
        found = store.matching(cls, id_prefix=ref)
        if len(found) == 1:
            return found[0].id
    raise NotFoundError(f"No note, goal or next step has an id starting with {ref!r}.")


def _full_id(store: Any, ref: str) -> str:
    """A trashed record by its full id or the 8 characters `peercoach trash` shows."""
    matches = [item.record.id for item in trash.items(store) if item.record.id.startswith(ref)]
    return matches[0] if len(matches) == 1 else ref


def register(add: Callable[..., Any]) -> None:
    for name, handler, text in (
        ("delete", cmd_delete, "move a goal, session, note or next step to the trash (with its links)"),
        ("restore", cmd_restore, "bring a record back from the trash, with what went with it"),
        ("purge", cmd_purge, "erase a trashed record's words for good"),
    ):
        p = add(name, handler, text)
        p.add_argument("partnership", metavar="P")
        p.add_argument("id", metavar="ID")
    p = add("trash", cmd_trash, "list what is in the trash")
    p.add_argument("partnership", metavar="P")
    p = add("history", cmd_history, "earlier versions of a note, goal or next step (newest first)")
    p.add_argument("partnership", metavar="P")
    p.add_argument("id", metavar="ID")
    p.add_argument(
        "--restore", type=int, metavar="N", help="put version N back (a new version; nothing is lost)"
    )
