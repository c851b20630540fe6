"""After the hour: a workshop summary (Markdown; the PDF is rendered from the same text) and a
printable card per pair on how to start their own partnership.

What goes in: the date, the agenda with planned and actual times, the tables, the themes and
tally of the report-out and how many want to continue. Never anyone's topic: the app does not
even ask for one.
"""

from __future__ import annotations

from dataclasses import dataclass

from peercoach_desktop.coaching.summary import md
from peercoach_desktop.coaching.workshop.agenda import Phase, with_minutes
from peercoach_desktop.coaching.workshop.rounds import TALLY_KEYS, Table, last_round, tables
from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, UsageError
from peercoach_desktop.domain.workshop import Round
from peercoach_desktop.storage.workshop_store import WorkshopStore


@dataclass(frozen=True)
class WorkshopWords:
    """The summary's own words as str.format templates. English here; the window passes its
    translations (the core has no Qt), the CLI keeps these."""

    title: str = "{title}: workshop summary"
    date: str = "Date: {date}"
    agenda: str = "Agenda"
    phase: str = "{name}: planned {planned} min, took {actual} min"
    phase_not_run: str = "{name}: planned {planned} min"
    pairs: str = "Pairs"
    table: str = "Table {number}: {names}"
    report: str = "Report-out"
    no_report: str = "No report-out was recorded."
    continuing: str = "Want to continue as peer-coaching partners: {count}"
    not_unique: str = "“My problem was not unique”: {count}"
    efficiency: str = "“15 focused minutes got me far”: {count}"
    almost_doing: str = "“We are already almost doing it”: {count}"
    card_title: str = "Table {number}: {names}"
    card_start: str = (
        "Start your own partnership in PeerCoach Desktop: one of you creates it (Notebook ▸ New "
        "partnership…) and invites the other (Partner ▸ Invite partner…); the other joins with the "
        "invitation file and its passphrase (Partner ▸ Join a partnership…)."
    )
    card_step: str = (
        "Before you leave the room, agree on a first next step: when and where you meet next "
        "(within two weeks), and who creates the partnership."
    )


ENGLISH = WorkshopWords()


def _round_or_refuse(store: WorkshopStore) -> Round:
    held = last_round(store)
    if held is None or not held.groups:
        raise UsageError(QT_TRANSLATE_NOOP("Core", "This workshop has no pairs yet: nothing to summarise."))
    return held


def to_markdown(store: WorkshopStore, phases: list[Phase], words: WorkshopWords = ENGLISH) -> str:
    held = _round_or_refuse(store)
    w = words
    planned = with_minutes(phases, held.phase_minutes)
    elapsed = held.timer_state.get("elapsed") or []
    lines = [f"# {w.title.format(title=md(store.title()))}", "", w.date.format(date=held.started_at[:10]), ""]
    lines += [f"## {w.agenda}", ""]
    for i, phase in enumerate(planned):
        actual = float(elapsed[i]) if i < len(elapsed) and len(elapsed) == len(planned) else 0.0
        text = (
            w.phase.format(name=phase.name, planned=phase.minutes, actual=round(actual / 60))
            if actual
            else w.phase_not_run.format(name=phase.name, planned=phase.minutes)
        )
        lines.append(f"- {text}")
    lines += ["", f"## {w.pairs}", ""]
    lines += [f"- {_table_line(w.table, t)}" for t in tables(store, held)]
    lines += ["", f"## {w.report}", ""]
    if not (held.themes or held.tally or held.continuing):
        lines.append(w.no_report)
    else:
        if held.themes:
            lines += [md(held.themes), ""]
        templates = {"not_unique": w.not_unique, "efficiency": w.efficiency, "almost_doing": w.almost_doing}
        lines += [f"- {templates[key].format(count=held.tally.get(key, 0))}" for key in TALLY_KEYS]
        lines.append(f"- {w.continuing.format(count=held.continuing)}")
    return "\n".join(lines).rstrip() + "\n"


def cards_markdown(store: WorkshopStore, words: WorkshopWords = ENGLISH) -> str:
    """One card per table, each on its own page when printed (a horizontal rule between)."""
    held = _round_or_refuse(store)
    cards = []
    for table in tables(store, held):
        cards.append(
            "\n".join(
                [
                    f"## {_table_line(words.card_title, table)}",
                    "",
                    words.card_start,
                    "",
                    f"**{words.card_step}**",
                ]
            )
        )
    return "\n\n---\n\n".join(cards) + "\n"


def _table_line(template: str, table: Table) -> str:
    return template.format(number=table.number, names=" · ".join(md(p.name) for p in table.people))
