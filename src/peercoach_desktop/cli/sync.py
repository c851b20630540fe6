"""peercoach invite / join / export / import / conflicts / resolve: sync between partners."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peercoach_desktop.cli.context import Context, read_passphrase
from peercoach_desktop.domain.errors import NotFoundError, UsageError, WrongPassphraseError
from peercoach_desktop.vault.opener import open_notebook

if TYPE_CHECKING:
    # Imported by the commands that use them: every other command builds this parser too.
    from peercoach_desktop.sync import exchange, pairing


def read_pairing_passphrase(source: str | None, *, confirm: bool) -> str:
    if source is None and not sys.stdin.isatty():
        raise UsageError("A pairing passphrase is needed: give --passphrase-file FILE (or - for stdin).")
    if source is None:
        from getpass import getpass

        first = getpass("Pairing passphrase (share it with your partner by phone or in person): ")
        if confirm and getpass("Repeat the pairing passphrase: ") != first:
            raise UsageError("The two passphrases differ.")
        return first
    return read_passphrase(source, confirm=False)


def cmd_invite(ctx: Context) -> None:
    from peercoach_desktop.sync import pairing

    a = ctx.args
    passphrase = read_pairing_passphrase(a.pairing_file, confirm=True)
    descriptor = ctx.library.resolve(a.partnership)
    source = ctx.passphrase if descriptor.kdf else None
    pairing.write_invitation(ctx.library, descriptor.partnership_id, passphrase, Path(a.out), source)
    ctx.emit(
        {"path": a.out, "id": descriptor.partnership_id},
        lambda: [
            f"Invitation written to {a.out}.",
            "Give it to your partner with the pairing passphrase (not in the same message).",
        ],
    )


ATTEMPTS = 3  # typed at a prompt: a typo asks again instead of ending the join


def _read_invitation(data: bytes, source: str | None) -> pairing.Invitation:
    from peercoach_desktop.sync import pairing

    attempt = 1
    while True:
        passphrase = read_pairing_passphrase(source, confirm=False)
        try:
            return pairing.read_invitation(data, passphrase)
        except WrongPassphraseError as exc:
            if source is not None or attempt == ATTEMPTS:
                raise
            attempt += 1
            print(str(exc), file=sys.stderr)


def cmd_join(ctx: Context) -> None:
    from peercoach_desktop.sync import pairing

    a = ctx.args
    data = pairing.read_file(Path(a.file))  # bounded: an invitation is never larger than its format allows
    invitation = _read_invitation(data, a.pairing_file)
    notebook_passphrase = ctx.passphrase() if a.passphrase else None
    joined = pairing.join_invitation(ctx.library, invitation, notebook_passphrase, ctx.passphrase)
    d = joined.descriptor
    data_out = {"id": d.partnership_id, "notebook_id": d.notebook_id, "recovery_code": joined.recovery_code}
    ctx.emit(data_out | {"received": joined.received}, lambda: [d.partnership_id])
    if a.json:
        return
    if joined.received:
        got = ", ".join(f"{n} {kind}" for kind, n in sorted(joined.received.items()))
        print(f"Your partner's shared notebook is here: {got}.", file=sys.stderr)
    if joined.recovery_code is None:
        print("This partnership was already on this laptop: its sync key was renewed.", file=sys.stderr)
        return
    print(
        "Joined. Recovery code (shown only this once; keep it somewhere safe, away from this laptop):\n"
        f"  {joined.recovery_code}",
        file=sys.stderr,
    )


def cmd_export(ctx: Context) -> None:
    from peercoach_desktop.sync import exchange, file_names

    a = ctx.args
    descriptor = ctx.library.resolve(a.partnership)
    with open_notebook(ctx.library, descriptor, ctx.passphrase if descriptor.kdf else None) as store:
        key = exchange.sync_key(ctx.library, descriptor, store)
        name = file_names.sync_file_name(store.partnership_id, store.me_id, descriptor.notebook_id)
        out = Path(a.out or ".")
        out = out / name if out.is_dir() else out  # a folder gets this laptop's own file name
        report = exchange.export_file(store, key, out)
    ctx.emit(report.to_dict(), lambda: [f"Exported {report.records} shared records to {out}."])


def _describe(report: exchange.ImportReport, partner: str) -> list[str]:
    c = report.counts
    verb = "Would import" if report.dry_run else "Imported"
    lines = [
        f"{verb} {partner}'s changes: {c.added} added, {c.updated} updated, {c.deleted} deleted, "
        f"{c.conflicted} conflicted."
    ]
    if c.kept_private:
        lines.append(f"{c.kept_private} note(s) you made private were left as they are.")
    if c.conflicted:
        lines.append("Both versions are kept; see them with: peercoach conflicts P")
    return lines


def cmd_import(ctx: Context) -> None:
    from peercoach_desktop.sync import exchange, sync_file

    a = ctx.args
    data = sync_file.read_file(Path(a.file))  # read once, bounded; decrypted once below
    descriptor = exchange.notebook_for_file(ctx.library, data)
    with open_notebook(ctx.library, descriptor, ctx.passphrase if descriptor.kdf else None) as store:
        key = exchange.sync_key(ctx.library, descriptor, store)
        act = exchange.preview_import if a.dry_run else exchange.apply_import
        report = act(store, data, key)
        partner = store.partner().name  # our own file was refused: the sender is the partner
    ctx.emit(report.to_dict(), lambda: _describe(report, partner))


def cmd_conflicts(ctx: Context) -> None:
    from peercoach_desktop.sync import conflict_choice

    with ctx.open(ctx.args.partnership) as store:
        conflicts = conflict_choice.list_conflicts(store)
    data = [
        {"kind": c.kind, "id": c.record_id, "copy_id": c.copy_id, "current": c.current.to_dict()}
        | {"other": c.other.to_dict()}
        for c in conflicts
    ]

    def lines() -> Any:
        if not conflicts:
            yield "No conflicts."
        for c in conflicts:
            other = "(deleted on one side)" if c.other.deleted else f"other version {c.copy_id[:8]}"
            yield f"{c.kind} {c.record_id[:8]}: current version kept, {other}"

    ctx.emit(data, lines)


def cmd_resolve(ctx: Context) -> None:
    from peercoach_desktop.sync import conflict_choice

    a = ctx.args
    with ctx.open(a.partnership) as store:
        ids = {x for c in conflict_choice.list_conflicts(store) for x in (c.record_id, c.copy_id)}
        matches = [i for i in ids if i.startswith(a.record.lower())]
        if len(matches) != 1:
            raise NotFoundError(f"No single conflict matches {a.record!r}. See: peercoach conflicts P")
        record = conflict_choice.resolve_conflict(store, matches[0], a.keep)
    ctx.emit(record.to_dict(), lambda: [record.id])


def register(add: Callable[..., Any]) -> None:
    """Add the sync commands to the peercoach parser (`add` is build_parser's helper)."""
    pairing_help = "file holding the pairing passphrase; - = stdin (default: ask)"
    p = add("invite", cmd_invite, "write an invitation file for your partner")
    p.add_argument("partnership", metavar="P")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--passphrase-file", dest="pairing_file", metavar="FILE", help=pairing_help)
    p = add("join", cmd_join, "start a partnership from your partner's invitation; prints its id")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--passphrase-file", dest="pairing_file", metavar="FILE", help=pairing_help)
    p.add_argument(
        "--passphrase",
        action="store_true",
        help="protect the new notebook with the passphrase given before the command (no keyring)",
    )
    p = add("export", cmd_export, "write the shared records to a sync file for your partner")
    p.add_argument("partnership", metavar="P")
    p.add_argument(
        "--out",
        metavar="FILE",
        help="file, or folder to write this laptop's own file name into (default: the current folder)",
    )
    p = add("import", cmd_import, "merge your partner's sync file into your notebook")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="only say what would change")
    p = add("conflicts", cmd_conflicts, "list records edited on both laptops at once")
    p.add_argument("partnership", metavar="P")
    p = add("resolve", cmd_resolve, "settle a conflict")
    p.add_argument("partnership", metavar="P")
    p.add_argument("record", metavar="ID", help="record id or conflict copy id (or a prefix)")
    p.add_argument("--keep", required=True, choices=["current", "other", "both"])
