"""Reading a workshop roster as spreadsheets give it, and refusing bad input in one sentence."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from peercoach_desktop.coaching.workshop.roster import (
    MAX_PEOPLE,
    RosterEntry,
    RosterError,
    parse_bytes,
    parse_text,
    read_file,
)


def pairs(entries: list[RosterEntry]) -> list[tuple[str, str]]:
    return [(e.name, e.unit) for e in entries]


@pytest.mark.parametrize(
    "data",
    [
        b"Name,Unit\nAna Lima,Physics\nBen Okafor,History\n",
        codecs.BOM_UTF8 + b"Name;Department\r\nAna Lima;Physics\r\nBen Okafor;History\r\n",
        b"Ana Lima\tPhysics\nBen Okafor\tHistory\n",  # a clipboard paste: tabs, no header
        b'"Ana Lima","Physics"\n"Ben Okafor",History\n',
        codecs.BOM_UTF16_LE
        + "Name\tTeam\r\nAna Lima\tPhysics\r\nBen Okafor\tHistory\r\n".encode("utf-16-le"),
        b"Email,Team,Name\nana@x,Physics,Ana Lima\nben@x,History,Ben Okafor\n\n\n,,\n",
    ],
    ids=["comma-header", "bom-semicolon-crlf", "paste-tabs", "quoted", "utf16-excel", "columns-by-header"],
)
def test_spreadsheet_exports_are_read(data: bytes) -> None:
    assert pairs(parse_bytes(data)) == [("Ana Lima", "Physics"), ("Ben Okafor", "History")]


def test_german_headers_and_umlauts() -> None:
    text = "Teilnehmerin;Abteilung\nJürgen  Groß ;Pädagogik\n"
    assert pairs(parse_text(text)) == [("Jürgen Groß", "Pädagogik")]


def test_quoted_cells_keep_their_commas() -> None:
    assert pairs(parse_text('Name,Unit\n"Lima, Ana","Physics, Lab 2"\n')) == [("Lima, Ana", "Physics, Lab 2")]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Name,Email\nAna,a@x\n", "Line 1: the header has no unit column"),
        (b"Name,Unit\nAna,Physics\nBen\n", "Line 3 has no unit"),
        (b"Name,Unit\nAna,Physics\n,History\n", "Line 3 has no name"),
        (
            b"Name,Unit\nAna Lima,Physics\nBen,Law\nana  lima,History\n",
            "Line 4: ana lima is already on line 2",
        ),
        (b"", "The roster is empty"),
        (b"\n ,\n,,\n", "The roster is empty"),
        (b"Name,Unit\nAna,Physics\n\x00\x01\x02PK\x03\x04", "Line 3 of the roster is not text"),
        (b"Name,Unit\nAna,Physics\nBen,Hist\xe9ry\n", "Line 3 of the roster is not UTF-8"),
        (b'Name,Unit\nAna,Physics\n"Ben,History\n', "Line 3 of the roster has a broken quote"),
        (b"Name,Unit\n" + b"A" * 201 + b",Physics\n", "Line 2 is longer than 200 characters"),
    ],
)
def test_bad_input_gets_one_sentence_naming_the_line(data: bytes, message: str) -> None:
    with pytest.raises(RosterError) as caught:
        parse_bytes(data)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_ten_thousand_rows_are_refused_at_the_first_row_too_many() -> None:
    text = "Name,Unit\n" + "".join(f"Person {i},Unit {i % 7}\n" for i in range(10_000))
    with pytest.raises(RosterError, match=f"Line {MAX_PEOPLE + 2}: a workshop roster holds at most"):
        parse_text(text)


def test_a_huge_file_is_not_read_whole(tmp_path: Path) -> None:
    big = tmp_path / "export.csv"
    with big.open("wb") as handle:
        handle.write(b"Name,Unit\n")
        handle.truncate(200 * 1024 * 1024)  # sparse: 200 MiB on paper, nothing on disk
    with pytest.raises(RosterError, match="larger than 1024 KiB"):
        read_file(big)
