"""Plain-text rendering of notebooks for the command line (the JSON face is to_dict)."""

from __future__ import annotations

from collections.abc import Iterator

from peercoach_desktop.domain.clock import parse_iso
from peercoach_desktop.domain.model import NotebookSnapshot, SearchHit, StepStatus, Visibility
from peercoach_desktop.storage.search import MARK_END, MARK_START, plain_snippet

STEP_BOX = {StepStatus.OPEN: "[ ]", StepStatus.DONE: "[x]", StepStatus.DROPPED: "[-]"}
# Bidirectional formatting characters: they reorder what the terminal shows (a partner's note
# could make a line read differently from what it holds), so they are shown, not obeyed.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def visible(text: str) -> str:
    """Text for a terminal: control characters (ESC sequences that set the title or clear
    the screen, C1 controls) and bidi overrides in their escaped form, never interpreted.
    Only the text mode uses this; JSON output keeps the exact text."""
    if text.isprintable():
        return text  # the common case, one C-level scan
    return "".join(_escaped(ch) if _hidden(ch) else ch for ch in text)


def _hidden(ch: str) -> bool:
    code = ord(ch)
    return (code < 0x20 and ch != "\t") or 0x7F <= code <= 0x9F or ch in BIDI_CONTROLS


def _escaped(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def hit_dict(hit: SearchHit) -> dict[str, object]:
    """A search hit for JSON: the snippet as plain text and where the matches are in it (offsets),
    instead of the control characters the index marks them with."""
    plain, spans, at, start = [], [], 0, 0
    for ch in hit.snippet:
        if ch == MARK_START:
            start = at
        elif ch == MARK_END:
            spans.append([start, at])
        else:
            plain.append(ch)
            at += 1
    return hit.__dict__ | {"snippet": "".join(plain), "matches": spans}


def short(record_id: str) -> str:
    return record_id[:8]


def notebook_lines(snap: NotebookSnapshot) -> Iterator[str]:
    names = {snap.me.id: f"{snap.me.name} (me)", snap.partner.id: snap.partner.name}
    yield f"{snap.title}  [{short(snap.partnership_id)}]"
    yield f"Peers: {snap.me.name} (me) and {snap.partner.name}"
    yield ""
    yield f"Goals ({len(snap.goals)})"
    for goal in snap.goals:
        due = f", target {goal.target_date}" if goal.target_date else ""
        yield f"  {short(goal.id)}  [{goal.status}] {goal.title} — {names.get(goal.owner_id, '?')}{due}"
    yield ""
    yield f"Sessions ({len(snap.sessions)})"
    for session in snap.sessions:
        spoken = ", ".join(
            f"{names.get(peer, '?')} {session.seconds_by_speaker.get(peer, 0) // 60} min"
            for peer in session.speaker_order
        )
        yield (
            f"  {short(session.id)}  {local_moment(session.scheduled_at)}  {session.status}, "
            f"{session.minutes_per_turn} min per turn; spoke: {spoken}"
        )
    yield ""
    yield f"Next steps ({len(snap.steps)})"
    for step in snap.steps:
        due = f", due {step.due_date}" if step.due_date else ""
        owner = names.get(step.owner_id, "?")
        yield f"  {short(step.id)}  {STEP_BOX[step.status]} {step.text} — {owner}{due}"
    yield ""
    yield f"Notes ({len(snap.notes)})"
    for note in snap.notes:
        lock = "private" if note.visibility == Visibility.PRIVATE else "shared"
        author = names.get(note.author_id, "?")
        kept = ""
        if note.kept_from:  # one of the two copies "keep both" made of a conflict
            by = names.get(note.kept_from.get("by", ""), "?")
            kept = f", copy kept from a conflict: {by}, {local_moment(note.kept_from.get('at'))}"
        yield f"  {short(note.id)}  {note.kind}, {lock}, by {author}, {note.created_at}{kept}"
        for line in note.body.splitlines() or [""]:
            yield f"      {line}"


def hit_lines(hits: list[SearchHit]) -> Iterator[str]:
    for hit in hits:
        lock = " (private)" if hit.private else ""
        text = " ".join(plain_snippet(hit.snippet).split())
        yield f"{short(hit.record_id)}  {hit.kind}{lock}: {text}"


def local_moment(moment_iso: str | None) -> str:
    """A stored instant as this laptop's wall-clock time with its zone (text output is for people;
    --json keeps the stored UTC ISO form)."""
    return parse_iso(moment_iso).astimezone().strftime("%Y-%m-%d %H:%M %Z") if moment_iso else "—"
