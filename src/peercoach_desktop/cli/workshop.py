"""`peercoach workshop …`: the parser only. The commands (cli/workshop_commands.py) and the
workshop code load when a workshop command runs, so every other command starts as fast as before.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any


def _commands() -> ModuleType:
    from peercoach_desktop.cli import workshop_commands

    return workshop_commands


def register(sub: Any, add: Any) -> None:
    """Add `peercoach workshop …` to the parser (called from cli.main.build_parser)."""
    group = sub.add_parser("workshop", help="run a peer-coaching workshop for a group").add_subparsers(
        metavar="ACTION"
    )
    group.required = True
    add(
        "new", lambda ctx: _commands().cmd_new(ctx), "start a workshop notebook; prints its id", group
    ).add_argument("--title", required=True)
    add("list", lambda ctx: _commands().cmd_list(ctx), "list workshops", group)
    add(
        "show", lambda ctx: _commands().cmd_show(ctx), "show a workshop's roster and pairs", group
    ).add_argument("workshop", metavar="W")
    p = add(
        "recover",
        lambda ctx: _commands().cmd_recover(ctx),
        "put a workshop's key back in the keyring from its recovery code",
        group,
    )
    p.add_argument("workshop", metavar="W")
    p.add_argument("--code", required=True)

    roster_group = group.add_parser("roster", help="the participants").add_subparsers(metavar="ACTION")
    roster_group.required = True
    p = add(
        "import",
        lambda ctx: _commands().cmd_roster_import(ctx),
        "import a CSV or a spreadsheet paste (all or nothing)",
        roster_group,
    )
    p.add_argument("workshop", metavar="W")
    p.add_argument("file", metavar="FILE", help="CSV file; - reads a paste from stdin")
    p.add_argument("--present", action="store_true", help="mark everyone imported as present")
    p = add(
        "add",
        lambda ctx: _commands().cmd_roster_add(ctx),
        "add one participant; prints their id",
        roster_group,
    )
    p.add_argument("workshop", metavar="W")
    p.add_argument("--name", required=True)
    p.add_argument("--unit", required=True, help="team or department")
    p.add_argument("--present", action="store_true")

    p = add(
        "present",
        lambda ctx: _commands().cmd_present(ctx),
        "mark participants present today (or --absent)",
        group,
    )
    p.add_argument("workshop", metavar="W")
    p.add_argument("people", metavar="NAME", nargs="*", help="names, ids or id prefixes")
    p.add_argument("--all", action="store_true", help="everyone on the roster")
    p.add_argument("--absent", action="store_true", help="mark them absent instead")

    p = add(
        "pair", lambda ctx: _commands().cmd_pair(ctx), "pair everyone present (again: a reshuffle)", group
    )
    p.add_argument("workshop", metavar="W")
    p.add_argument("--seed", type=int, help="repeat a pairing by its seed")
    p.add_argument("--adjust", action="store_true", help="fit late arrivals and no-shows in; keep the pairs")
    p = add(
        "swap", lambda ctx: _commands().cmd_swap(ctx), "swap two participants between their tables", group
    )
    p.add_argument("workshop", metavar="W")
    p.add_argument("a", metavar="NAME")
    p.add_argument("b", metavar="NAME")
    p = add(
        "finish",
        lambda ctx: _commands().cmd_finish(ctx),
        "close the hour: its pairs count as met next time",
        group,
    )
    p.add_argument("workshop", metavar="W")
    p = add(
        "report",
        lambda ctx: _commands().cmd_report(ctx),
        "record the report-out: themes, a tally, who continues",
        group,
    )
    p.add_argument("workshop", metavar="W")
    p.add_argument("--themes", metavar="TEXT", help="what the room voiced; - reads it from stdin")
    p.add_argument(
        "--tally",
        nargs="*",
        metavar="THEME=N",
        help="not_unique=N efficiency=N almost_doing=N (hands raised)",
    )
    p.add_argument("--continuing", type=int, default=0, help="how many want to continue as partners")
    p = add(
        "summary",
        lambda ctx: _commands().cmd_summary(ctx),
        "write the workshop summary or the pair cards (Markdown or PDF)",
        group,
    )
    p.add_argument("workshop", metavar="W")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--format", choices=("md", "pdf"), help="default: from the file name")
    p.add_argument("--cards", action="store_true", help="one printable card per pair instead")
