"""peercoach: the command-line face of PeerCoach Desktop, over the core alone.

Exit codes: 0 success, 1 any error (one clear line on stderr), 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from peercoach_desktop import __version__
from peercoach_desktop.cli import failure
from peercoach_desktop.cli import safety as cli_safety
from peercoach_desktop.cli import session as cli_session
from peercoach_desktop.cli import workshop as cli_workshop
from peercoach_desktop.cli.context import Context, read_passphrase, read_text
from peercoach_desktop.domain.clock import Clock, iso
from peercoach_desktop.domain.errors import PeerCoachError, UsageError
from peercoach_desktop.domain.model import NoteKind, StepStatus
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.system.paths import data_dir
from peercoach_desktop.vault.keystore import KeyStore
from peercoach_desktop.vault.opener import notices_shown, open_notebook

EXIT_ERROR = failure.EXIT_ERROR
EXIT_USAGE = failure.EXIT_USAGE


# ----- commands --------------------------------------------------------------------------------


def cmd_new(ctx: Context) -> None:
    a = ctx.args
    passphrase = read_passphrase(a.passphrase_file, confirm=True) if a.passphrase else None
    created = ctx.library.create(a.me, a.partner, a.title or "", passphrase)
    created.store.close()
    d = created.descriptor
    if a.json:
        print(
            json.dumps(
                {
                    "id": d.partnership_id,
                    "notebook_id": d.notebook_id,
                    "path": str(d.path),
                    "recovery_code": created.recovery_code,
                },
                indent=2,
            )
        )
        return
    print(d.partnership_id)
    print(
        "Recovery code (shown only this once; keep it somewhere safe, away from this laptop):\n"
        f"  {created.recovery_code}\n"
        "With it you can open this notebook on a new laptop: peercoach recover ID --code CODE",
        file=sys.stderr,
    )


def cmd_list(ctx: Context) -> None:
    entries = []
    for d in ctx.library.descriptors():
        entry: dict[str, Any] = {
            "id": d.partnership_id,
            "notebook_id": d.notebook_id,
            "path": str(d.path),
            "key_mode": d.key_mode,
        }
        try:
            if d.kdf is not None and not ctx.args.passphrase_file:
                raise PeerCoachError("passphrase-protected; give --passphrase-file to see it")
            store = open_notebook(ctx.library, d, ctx.passphrase if d.kdf else None)
        except PeerCoachError as exc:
            entry["locked"] = str(exc)
        else:
            with store:
                entry |= {
                    "title": store.partnership().title,
                    "me": store.me().name,
                    "partner": store.partner().name,
                    "next_meeting": store.next_meeting(iso(ctx.library.clock.now())),
                }
        entries.append(entry)

    from peercoach_desktop.cli.render import local_moment

    def lines() -> Any:
        if not entries:
            yield "No partnerships yet. Start one: peercoach new --me NAME --partner NAME"
        for e in entries:
            if "locked" in e:
                yield f"{e['id'][:8]}  (locked: {e['locked']})"
            else:
                meeting = f"  next meeting {local_moment(e['next_meeting'])}" if e["next_meeting"] else ""
                yield f"{e['id'][:8]}  {e['title']}  — with {e['partner']}{meeting}"

    ctx.emit(entries, lines)


def cmd_show(ctx: Context) -> None:
    from peercoach_desktop.cli.render import notebook_lines

    with ctx.open(ctx.args.partnership) as store:
        if ctx.args.json:
            from peercoach_desktop.cli.show_json import write_notebook

            with store.one_pass():
                write_notebook(store, ctx.library.clock, sys.stdout)
            return
        snap = store.snapshot()
    ctx.emit({}, lambda: notebook_lines(snap))


def cmd_search(ctx: Context) -> None:
    from peercoach_desktop.cli.render import hit_dict, hit_lines

    with ctx.open(ctx.args.partnership) as store:
        hits = store.search(ctx.args.query, limit=ctx.args.limit)
    ctx.emit([hit_dict(h) for h in hits], lambda: hit_lines(hits) if hits else iter(["No matches."]))


def _mutate(ctx: Context, action: Callable[[NotebookStore], Any]) -> None:
    with ctx.open(ctx.args.partnership) as store:
        record = action(store)
    if ctx.args.json:
        print(json.dumps(record.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(record.id)


def cmd_goal_add(ctx: Context) -> None:
    a = ctx.args
    _mutate(ctx, lambda s: s.add_goal(a.owner, a.title, why=a.why or "", target_date=a.due))


def cmd_goal_set(ctx: Context) -> None:
    _mutate(ctx, lambda s: s.set_goal_status(ctx.args.goal, ctx.args.status))


def cmd_session_add(ctx: Context) -> None:
    _mutate(ctx, lambda s: s.add_session(ctx.args.at, ctx.args.minutes))


def cmd_note_add(ctx: Context) -> None:
    a = ctx.args
    text = read_text(a.text)
    _mutate(ctx, lambda s: s.add_note(text, kind=a.kind, private=a.private, session=a.session, goal=a.goal))


def cmd_step_add(ctx: Context) -> None:
    a = ctx.args
    text = read_text(a.text)
    _mutate(ctx, lambda s: s.add_step(a.owner, text, goal=a.goal, due_date=a.due, session=a.session))


def cmd_step_status(status: StepStatus) -> Callable[[Context], None]:
    return lambda ctx: _mutate(ctx, lambda s: s.set_step_status(ctx.args.step, status))


def cmd_recover(ctx: Context) -> None:
    descriptor = ctx.library.resolve(ctx.args.partnership)
    with ctx.library.recover(descriptor, ctx.args.code) as store:
        title = store.partnership().title
    print(f"Recovered: the key of {title!r} is back in the keyring.", file=sys.stderr)
    print(descriptor.partnership_id)


def cmd_doctor(ctx: Context) -> None:
    from peercoach_desktop.cli.doctor import run_doctor

    if not run_doctor(ctx.library, ctx.args.json):
        raise SystemExit(EXIT_ERROR)


def cmd_app(ctx: Context) -> None:
    if ctx.open_window is None:
        raise UsageError("No command given. See: peercoach --help")
    raise SystemExit(ctx.open_window(ctx.library.data_dir))


# ----- parser ----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="machine-readable output")
    parser = argparse.ArgumentParser(
        prog="peercoach", description="Private, offline peer-coaching notebooks. No command: open the app."
    )
    parser.add_argument("--version", action="version", version=f"peercoach {__version__}")
    parser.add_argument("--data-dir", help="notebook folder (default: $PEERCOACH_DATA_DIR or the platform's)")
    parser.add_argument(
        "--passphrase-file", metavar="FILE", help="passphrase for protected notebooks; - = stdin"
    )
    parser.set_defaults(func=cmd_app, json=False)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    def add(name: str, func: Callable[[Context], None], help_text: str, parent: Any = sub) -> Any:
        p = parent.add_parser(name, parents=[common], help=help_text, description=help_text)
        p.set_defaults(func=func)
        return p

    p = add("new", cmd_new, "start a partnership notebook; prints its id")
    p.add_argument("--me", required=True, help="your name")
    p.add_argument("--partner", required=True, help="your coaching partner's name")
    p.add_argument("--title", help="a title (default: both names)")
    p.add_argument(
        "--passphrase", action="store_true", help="protect with a passphrase instead of the keyring"
    )
    add("list", cmd_list, "list partnerships")
    add("show", cmd_show, "show a whole notebook").add_argument("partnership", metavar="P")
    p = add("search", cmd_search, "search notes, goals and next steps")
    p.add_argument("partnership", metavar="P")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=50)

    goal = sub.add_parser("goal", help="add a goal or change its status").add_subparsers(metavar="ACTION")
    goal.required = True
    p = add("add", cmd_goal_add, "add a goal; prints its id", goal)
    p.add_argument("partnership", metavar="P")
    p.add_argument("--owner", required=True, choices=["me", "partner"])
    p.add_argument("--title", required=True)
    p.add_argument("--why", help="why it matters")
    p.add_argument("--due", help="target date, YYYY-MM-DD")
    p = add("set", cmd_goal_set, "change a goal's status", goal)
    p.add_argument("partnership", metavar="P")
    p.add_argument("goal", metavar="GOAL", help="goal id, id prefix or title")
    p.add_argument("--status", required=True, choices=["active", "paused", "achieved", "dropped"])

    session = sub.add_parser("session", help="plan a session").add_subparsers(metavar="ACTION")
    session.required = True
    p = add("add", cmd_session_add, "plan a session; prints its id", session)
    p.add_argument("partnership", metavar="P")
    p.add_argument("--at", help="when, ISO 8601 (default: now)")
    p.add_argument("--minutes", type=int, default=15, help="minutes per turn, 5-30 (default 15)")

    note = sub.add_parser("note", help="write a note").add_subparsers(metavar="ACTION")
    note.required = True
    p = add("add", cmd_note_add, "add a note; prints its id", note)
    p.add_argument("partnership", metavar="P")
    p.add_argument("--text", required=True, help="the note; - reads it from stdin")
    p.add_argument("--session", help="session id or prefix")
    p.add_argument("--goal", help="goal id, prefix or title")
    p.add_argument("--kind", default="note", choices=[k.value for k in NoteKind])
    p.add_argument("--private", action="store_true", help="only for you: never leaves this laptop")

    step = sub.add_parser("step", help="next steps").add_subparsers(metavar="ACTION")
    step.required = True
    p = add("add", cmd_step_add, "add a next step; prints its id", step)
    p.add_argument("partnership", metavar="P")
    p.add_argument("--owner", required=True, choices=["me", "partner"])
    p.add_argument("--text", required=True, help="the step; - reads it from stdin")
    p.add_argument("--goal", help="goal id, prefix or title")
    p.add_argument("--due", help="due date, YYYY-MM-DD")
    p.add_argument("--session", help="session where it was set")
    for name, status in (
        ("done", StepStatus.DONE),
        ("drop", StepStatus.DROPPED),
        ("reopen", StepStatus.OPEN),
    ):
        p = add(name, cmd_step_status(status), f"mark a next step {status.value}", step)
        p.add_argument("partnership", metavar="P")
        p.add_argument("step", metavar="STEP", help="step id, prefix or text")

    p = add("recover", cmd_recover, "put a notebook's key back in the keyring from its recovery code")
    p.add_argument("partnership", metavar="P", help="partnership id or id prefix")
    p.add_argument("--code", required=True)
    add("doctor", cmd_doctor, "check the keyring, the data dir and every notebook")
    cli_session.register(add)
    from peercoach_desktop.cli.trash import register as register_trash  # delete, trash, restore, purge

    register_trash(add)
    from peercoach_desktop.cli.summary import register as register_summary

    register_summary(add)
    from peercoach_desktop.cli.sync import register  # invite, join, export, import, conflicts

    register(add)
    from peercoach_desktop.cli.sync_folder import register as register_folder  # sync --folder

    register_folder(add)
    cli_safety.register(sub, add)
    cli_workshop.register(sub, add)
    return parser


def main(
    argv: Sequence[str] | None = None,
    *,
    keystore: KeyStore | None = None,
    clock: Clock | None = None,
    open_window: Callable[[Path], int] | None = None,
) -> int:
    """open_window: how "no command" opens the app (the launcher passes it; the command line
    itself never imports the window)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx: Context | None = None
    try:
        ctx = Context(args, keystore, clock)
        ctx.open_window = open_window
        args.func(ctx)
    except KeyboardInterrupt:
        return 130
    except SystemExit as exc:
        return int(exc.code or 0)
    except Exception as exc:  # never a traceback on the terminal: one line, see cli/failure
        return failure.report(exc, as_json=bool(getattr(args, "json", False)), data_dir=_data_dir(args))
    finally:
        if ctx is not None:
            cli_safety.print_notices(ctx.library.notices)
            notices_shown(ctx.library)
    return 0


def _data_dir(args: argparse.Namespace) -> Path | None:
    try:
        return data_dir(args.data_dir)
    except Exception:
        return None


if __name__ == "__main__":
    raise SystemExit(main())
