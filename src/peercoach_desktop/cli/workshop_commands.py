"""`peercoach workshop …`: a facilitator's group workshop from the command line.

new, list, show, recover; roster import/add; present; pair (or reshuffle with a new seed, or fit
late arrivals in with --adjust); swap; finish; report; summary. Every command has --json.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from peercoach_desktop.cli.context import Context, read_text
from peercoach_desktop.coaching.workshop import agenda, roster, rounds, summary
from peercoach_desktop.domain.errors import PeerCoachError, UsageError
from peercoach_desktop.storage.workshop_store import WorkshopStore
from peercoach_desktop.system.files import write_atomic
from peercoach_desktop.vault.workshops import WorkshopLibrary


def _library(ctx: Context) -> WorkshopLibrary:
    return WorkshopLibrary(ctx.library.data_dir, ctx.library.keystore, ctx.library.clock)


def _open(ctx: Context) -> WorkshopStore:
    workshops = _library(ctx)
    return workshops.open(workshops.resolve(ctx.args.workshop))


def _show_data(store: WorkshopStore) -> dict[str, Any]:
    everything = store.rounds()
    held = store.current_round() or (everything[-1] if everything else None)  # else the last one held
    return {
        "id": store.workshop_id,
        "title": store.title(),
        "participants": [p.to_dict() for p in store.participants()],
        "round": held.to_dict() if held else None,
        "tables": [
            {"table": t.number, "names": [p.name for p in t.people], "units": [p.unit for p in t.people]}
            for t in rounds.tables(store, held)
        ],
        "finished_rounds": sum(1 for r in everything if r.finished_at),
    }


def _table_lines(data: dict[str, Any]) -> Iterator[str]:
    for table in data["tables"]:
        people = ", ".join(f"{n} ({u})" for n, u in zip(table["names"], table["units"], strict=True))
        yield f"  Table {table['table']}: {people}"


def cmd_new(ctx: Context) -> None:
    created = _library(ctx).create(ctx.args.title)
    created.store.close()
    d = created.descriptor
    data = {"id": d.workshop_id, "notebook_id": d.notebook_id, "path": str(d.path)}
    if ctx.args.json:
        ctx.emit(data | {"recovery_code": created.recovery_code}, list)
        return
    print(d.workshop_id)
    print(
        "Recovery code (shown only this once; keep it somewhere safe, away from this laptop):\n"
        f"  {created.recovery_code}",
        file=sys.stderr,
    )


def cmd_list(ctx: Context) -> None:
    workshops = _library(ctx)
    entries = []
    for d in workshops.descriptors():
        entry: dict[str, Any] = {"id": d.workshop_id, "path": str(d.path), "created_at": d.created_at}
        try:
            with workshops.open(d) as store:
                people = store.participants()
                entry |= {
                    "title": store.title(),
                    "participants": len(people),
                    "rounds": sum(1 for r in store.rounds() if r.finished_at),
                }
        except PeerCoachError as exc:
            entry["locked"] = str(exc)
        entries.append(entry)

    def lines() -> Iterator[str]:
        if not entries:
            yield 'No workshops yet. Start one: peercoach workshop new --title "Faculty, spring"'
        for e in entries:
            if "locked" in e:
                yield f"{e['id'][:8]}  (locked: {e['locked']})"
            else:
                yield f"{e['id'][:8]}  {e['title']}  — {e['participants']} participants, {e['rounds']} held"

    ctx.emit(entries, lines)


def cmd_show(ctx: Context) -> None:
    with _open(ctx) as store:
        data = _show_data(store)

    def lines() -> Iterator[str]:
        present = sum(p["present"] for p in data["participants"])
        yield f"{data['title']}  [{data['id'][:8]}]"
        yield f"Roster ({len(data['participants'])}, {present} present)"
        for p in data["participants"]:
            yield f"  {'[x]' if p['present'] else '[ ]'} {p['name']} — {p['unit']}"
        if data["tables"]:
            yield "Pairs" + (" (finished)" if data["round"]["finished_at"] else "")
            yield from _table_lines(data)

    ctx.emit(data, lines)


def _after(ctx: Context, store: WorkshopStore, message: str) -> None:
    data = _show_data(store)
    ctx.emit(data, lambda: _table_lines(data) if data["tables"] else iter([]))
    if not ctx.args.json:
        print(message, file=sys.stderr)


def cmd_roster_import(ctx: Context) -> None:
    a = ctx.args
    entries = roster.parse_text(sys.stdin.read()) if a.file == "-" else roster.read_file(Path(a.file))
    with _open(ctx) as store:
        added = store.add_participants(
            [(e.name, e.unit) for e in entries], present=a.present, lines=[e.line for e in entries]
        )
    ctx.emit({"added": len(added)}, lambda: [f"{len(added)} participants added."])


def cmd_roster_add(ctx: Context) -> None:
    with _open(ctx) as store:
        (person,) = store.add_participants([(ctx.args.name, ctx.args.unit)], present=ctx.args.present)
    ctx.emit(person.to_dict(), lambda: [person.id])


def cmd_present(ctx: Context) -> None:
    a = ctx.args
    with _open(ctx) as store:
        people = store.participants() if a.all else [store.participant(ref) for ref in a.people]
        store.set_present([p.id for p in people], not a.absent)
        present = sum(p.present for p in store.participants())
    ctx.emit({"present": present}, lambda: [f"{present} present."])


def cmd_pair(ctx: Context) -> None:
    a = ctx.args
    with _open(ctx) as store:
        held = rounds.fit_arrivals(store) if a.adjust else rounds.pair(store, a.seed)
        _after(ctx, store, f"Seed {held.seed} (pair --seed {held.seed} gives these pairs again).")


def cmd_swap(ctx: Context) -> None:
    with _open(ctx) as store:
        rounds.swap_people(store, ctx.args.a, ctx.args.b)
        _after(ctx, store, "Swapped.")


def cmd_finish(ctx: Context) -> None:
    with _open(ctx) as store:
        held = rounds.finish(store)
    ctx.emit(held.to_dict(), lambda: ["Finished: these pairs count as met when this group pairs again."])


def cmd_report(ctx: Context) -> None:
    a = ctx.args
    tally: dict[str, int] = {}
    for item in a.tally or []:
        key, _, count = item.partition("=")
        if not count.isdigit():
            raise UsageError(f"--tally takes THEME=COUNT, e.g. not_unique=7; not {item!r}.")
        tally[key] = int(count)
    with _open(ctx) as store:
        held = rounds.record_report(store, read_text(a.themes) if a.themes else "", tally, a.continuing)
    ctx.emit(held.to_dict(), lambda: ["Report-out recorded."])


def cmd_summary(ctx: Context) -> None:
    a = ctx.args
    out = Path(a.out)
    fmt = a.format or ("pdf" if out.suffix.lower() == ".pdf" else "md")
    with _open(ctx) as store:
        title = store.title()
        text = summary.cards_markdown(store) if a.cards else summary.to_markdown(store, agenda.load("en"))
    if fmt == "pdf":
        from peercoach_desktop.coaching.summary_pdf import markdown_to_pdf

        data = markdown_to_pdf(text, title)
    else:
        data = text.encode("utf-8")
    write_atomic(out, data)
    ctx.emit({"path": str(out), "format": fmt, "cards": a.cards}, lambda: [str(out)])


def cmd_recover(ctx: Context) -> None:
    workshops = _library(ctx)
    descriptor = workshops.resolve(ctx.args.workshop)
    with workshops.recover(descriptor, ctx.args.code) as store:
        title = store.title()
    ctx.emit({"id": descriptor.workshop_id}, lambda: [descriptor.workshop_id])
    if not ctx.args.json:
        print(f"Recovered: the key of {title!r} is back in the keyring.", file=sys.stderr)
