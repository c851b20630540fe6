"""A roster as a spreadsheet gives it: a CSV file or a paste from the clipboard.

Accepted: UTF-8 with or without a byte-order mark (and UTF-16 with one, Excel's "Unicode text"),
comma, semicolon or tab between cells, an optional header row naming the columns. Anything else
gets one sentence naming the line, and nothing is imported: the caller gets the whole roster or
an error. Reading is bounded (size and rows), because the file comes from outside.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path

from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, Term, UsageError

MAX_BYTES = 1024 * 1024  # a 1,000-person roster with long unit names is ~100 KiB
MAX_PEOPLE = 1000
MAX_CELL = 200
DELIMITERS = (",", ";", "\t")
# Header words a spreadsheet may use (English and German), compared case-insensitively.
NAME_HEADERS = {
    "name", "full name", "participant", "person", "teilnehmer", "teilnehmerin", "vollständiger name",
}  # fmt: skip
UNIT_HEADERS = {
    "unit", "team", "department", "dept", "faculty", "group", "school", "division",
    "einheit", "abteilung", "bereich", "fakultät", "fachbereich", "institut", "gruppe",
}  # fmt: skip


# Words put into messages; the GUI translates them too.
NAME_WORD = Term(QT_TRANSLATE_NOOP("Core", "name"))
UNIT_WORD = Term(QT_TRANSLATE_NOOP("Core", "unit"))


class RosterError(UsageError):
    """The roster cannot be imported as given; the message names the line."""


@dataclass(frozen=True)
class RosterEntry:
    name: str
    unit: str
    line: int  # where it stood in the input, for messages


def clean(text: str) -> str:
    """One name as people mean it: inner runs of spaces are one space."""
    return " ".join(text.split())


def name_key(name: str) -> str:
    """Two names are the same person when they match after this (case, spacing)."""
    return clean(name).casefold()


def read_file(path: Path) -> list[RosterEntry]:
    """A roster file, read no further than MAX_BYTES."""
    with path.open("rb") as handle:
        data = handle.read(MAX_BYTES + 1)
    return parse_bytes(data)


def parse_bytes(data: bytes) -> list[RosterEntry]:
    if len(data) > MAX_BYTES:
        raise RosterError(
            QT_TRANSLATE_NOOP("Core", "The roster is larger than {size} KiB; is it the right file?"),
            size=MAX_BYTES // 1024,
        )
    return parse_text(_decode(data))


def _decode(data: bytes) -> str:
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                break  # fall through to the UTF-8 reading, which names the line
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if b"\0" in data:
        raise RosterError(
            QT_TRANSLATE_NOOP("Core", "Line {line} of the roster is not text: is this a spreadsheet file?"),
            line=data[: data.index(b"\0")].count(b"\n") + 1,
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RosterError(
            QT_TRANSLATE_NOOP(
                "Core", "Line {line} of the roster is not UTF-8 text: save it as “CSV UTF-8” and try again."
            ),
            line=data[: exc.start].count(b"\n") + 1,
        ) from None


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])  # ties: tab over semicolon over comma
    return best if counts[best] else ","


def parse_text(text: str) -> list[RosterEntry]:
    """The roster in `text` (a file's content or a clipboard paste)."""
    text = text.removeprefix("\ufeff")
    if "\0" in text:
        raise RosterError(
            QT_TRANSLATE_NOOP("Core", "Line {line} of the roster is not text: is this a spreadsheet file?"),
            line=text[: text.index("\0")].count("\n") + 1,
        )
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), "")
    if not first:
        raise RosterError(QT_TRANSLATE_NOOP("Core", "The roster is empty: give one participant per line."))
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=_delimiter(first), strict=True)
    name_col, unit_col = 0, 1
    header_seen = False
    entries: list[RosterEntry] = []
    seen: dict[str, int] = {}
    try:
        for row in reader:
            line = reader.line_num
            cells = [clean(c) for c in row]
            if not any(cells):
                continue  # blank lines and trailing ";;;" rows from a spreadsheet carry nothing
            if not header_seen:
                header_seen = True
                found = _header(cells, line)
                if found is not None:
                    name_col, unit_col = found
                    continue
            entries.append(_entry(cells, name_col, unit_col, line, seen))
            if len(entries) > MAX_PEOPLE:
                raise RosterError(
                    QT_TRANSLATE_NOOP(
                        "Core", "Line {line}: a workshop roster holds at most {most} participants."
                    ),
                    line=line,
                    most=MAX_PEOPLE,
                )
    except csv.Error:
        raise RosterError(
            QT_TRANSLATE_NOOP("Core", 'Line {line} of the roster has a broken quote (").'),
            line=reader.line_num,
        ) from None
    if not entries:
        raise RosterError(QT_TRANSLATE_NOOP("Core", "The roster is empty: give one participant per line."))
    return entries


def _header(cells: list[str], line: int) -> tuple[int, int] | None:
    """Column numbers of name and unit when the first row is a header, None when it is data."""
    words = [c.casefold() for c in cells]
    name_col = next((i for i, w in enumerate(words) if w in NAME_HEADERS), None)
    unit_col = next((i for i, w in enumerate(words) if w in UNIT_HEADERS), None)
    if name_col is None and unit_col is None:
        return None
    if name_col is None or unit_col is None:
        raise RosterError(
            QT_TRANSLATE_NOOP(
                "Core",
                "Line {line}: the header has no {column} column. The roster needs a name and a unit "
                "(team or department) for each participant.",
            ),
            line=line,
            column=NAME_WORD if name_col is None else UNIT_WORD,
        )
    return name_col, unit_col


def _entry(cells: list[str], name_col: int, unit_col: int, line: int, seen: dict[str, int]) -> RosterEntry:
    name = cells[name_col] if name_col < len(cells) else ""
    unit = cells[unit_col] if unit_col < len(cells) else ""
    if not name or not unit:
        raise RosterError(
            QT_TRANSLATE_NOOP(
                "Core",
                "Line {line} has no {column}. Each participant needs a name and a unit (team or "
                "department), separated by a comma, semicolon or tab.",
            ),
            line=line,
            column=NAME_WORD if not name else UNIT_WORD,
        )
    if len(name) > MAX_CELL or len(unit) > MAX_CELL:
        raise RosterError(
            QT_TRANSLATE_NOOP("Core", "Line {line} is longer than {most} characters per cell."),
            line=line,
            most=MAX_CELL,
        )
    key = name_key(name)
    if key in seen:
        raise RosterError(
            QT_TRANSLATE_NOOP(
                "Core",
                "Line {line}: {name} is already on line {first}; add an initial to tell them apart.",
            ),
            line=line,
            name=name,
            first=seen[key],
        )
    seen[key] = line
    return RosterEntry(name, unit, line)
