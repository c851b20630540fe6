"""Partner text reaches the terminal escaped: ESC sequences (title set, screen clear), C1
controls and bidi overrides are shown, never obeyed; JSON keeps the exact text."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_helpers import Pair, make_pair

from peercoach_desktop.cli.main import main
from peercoach_desktop.cli.render import visible

HOSTILE = "Plan \x1b]0;owned\x07\x1b[2J\u202eevil\u202c \x9bend"


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    p = make_pair(tmp_path)
    yield p
    p.close()


def _ben(pair: Pair, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["--data-dir", str(pair.ben_library.data_dir), *args], keystore=pair.ben_library.keystore)
    out, _err = capsys.readouterr()
    return code, out


def test_partner_text_is_escaped_on_the_terminal_and_exact_in_json(
    pair: Pair, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    pair.ana.add_note(HOSTILE)
    pair.ana.add_goal("me", f"Goal {HOSTILE}")
    pair.send(pair.ana, pair.ben)
    pid = pair.ben.partnership_id
    pair.close()

    for command in (["show", pid], ["search", pid, "Plan"], ["list"]):
        code, out = _ben(pair, capsys, *command)
        assert code == 0
        assert not any(ch in out for ch in "\x1b\x07\x9b\u202e\u202c"), command  # nothing obeyed
    code, shown = _ben(pair, capsys, "show", pid)
    assert "\\x1b]0;owned\\x07\\x1b[2J\\u202eevil\\u202c \\x9bend" in shown  # but all of it visible

    code, out = _ben(pair, capsys, "show", pid, "--json")
    assert [n["body"] for n in json.loads(out)["notes"]] == [HOSTILE]  # exact text in JSON
    code, out = _ben(pair, capsys, "search", pid, "Plan", "--json")
    hits = json.loads(out)
    assert hits and all("\x02" not in h["snippet"] and "\x03" not in h["snippet"] for h in hits)
    note = next(h for h in hits if h["kind"] == "note")
    start, end = note["matches"][0]
    assert note["snippet"][start:end] == "Plan"


def test_visible_leaves_ordinary_text_alone() -> None:
    text = "Grüße, 日本語, tabs\tand emoji 🙂"
    assert visible(text) == text
