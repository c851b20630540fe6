"""The command line: exit codes, one-line errors, JSON, stdin text."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from peercoach_desktop.cli.main import main
from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.vault.keystore import MemoryKeyStore
from peercoach_desktop.vault.library import Library
from peercoach_desktop.vault.opener import open_notebook


class Cli:
    def __init__(self, data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
        self.data_dir, self.capsys, self.monkeypatch = data_dir, capsys, monkeypatch
        self.keystore, self.clock = MemoryKeyStore(), FakeClock()

    def __call__(self, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
        if stdin is not None:
            self.monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        try:
            code = main(["--data-dir", str(self.data_dir), *args], keystore=self.keystore, clock=self.clock)
        except SystemExit as exc:  # argparse's own usage errors
            code = int(exc.code or 0)
        out, err = self.capsys.readouterr()
        return code, out, err


@pytest.fixture
def cli(data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(data_dir, capsys, monkeypatch)


@pytest.fixture
def pid(cli: Cli) -> str:
    code, out, err = cli("new", "--me", "Ana", "--partner", "Ben", "--title", "Ana & Ben")
    assert code == 0 and "Recovery code" in err
    return out.strip()


def test_new_prints_only_the_id_on_stdout(cli: Cli, pid: str) -> None:
    assert len(pid) == 36 and pid.count("-") == 4


def test_partnership_by_prefix_or_title(cli: Cli, pid: str) -> None:
    assert cli("show", pid[:5])[0] == 0
    assert cli("show", "ana & ben")[0] == 0


def test_a_whole_coaching_cycle_from_the_command_line(cli: Cli, pid: str) -> None:
    _, goal, _ = cli(
        "goal", "add", pid, "--owner", "partner", "--title", "Find a sponsor", "--due", "2026-06-30"
    )
    _, session, _ = cli("session", "add", pid, "--at", "2026-02-01T10:00:00Z", "--minutes", "25")
    code, _note, _ = cli(
        "note",
        "add",
        pid,
        "--text",
        "-",
        "--session",
        session.strip()[:8],
        "--kind",
        "feedback",
        stdin="Great paraphrasing today.",
    )
    assert code == 0
    _, step, _ = cli(
        "step", "add", pid, "--owner", "me", "--text", "List three sponsors", "--goal", "find a sponsor"
    )
    assert cli("step", "done", pid, step.strip()[:8])[0] == 0
    assert cli("goal", "set", pid, goal.strip(), "--status", "achieved")[0] == 0
    shown = json.loads(cli("show", pid, "--json")[1])
    assert shown["goals"][0]["status"] == "achieved"
    assert shown["sessions"][0]["minutes_per_turn"] == 25
    assert shown["notes"][0] | {"kind": "feedback", "session_id": session.strip()} == shown["notes"][0]
    assert shown["steps"][0]["status"] == "done" and shown["steps"][0]["goal_id"] == goal.strip()
    text = cli("show", pid)[1]
    assert "[x] List three sponsors" in text and "Great paraphrasing today." in text


def test_search_prints_marked_snippets(cli: Cli, pid: str) -> None:
    cli("note", "add", pid, "--text", "Talked about delegation and trust", "--private")
    code, out, _ = cli("search", pid, "delegat")
    assert code == 0 and "[delegation]" in out and "(private)" in out
    hits = json.loads(cli("search", pid, "trust", "--json")[1])
    assert hits[0]["kind"] == "note" and hits[0]["private"] is True
    assert cli("search", pid, "absent")[1].strip() == "No matches."


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (["show", "nobody"], 1, "No partnership matches"),
        (["goal", "add", "{pid}", "--owner", "me", "--title", "x", "--due", "soon"], 2, "date like"),
        (["session", "add", "{pid}", "--minutes", "60"], 2, "5 to 30"),
        (["step", "done", "{pid}", "no-such-step"], 1, "No next step matches"),
        (["goal", "add", "{pid}", "--owner", "boss", "--title", "x"], 2, "invalid choice"),
        (["frobnicate"], 2, "invalid choice"),
    ],
)
def test_errors_are_one_line_with_the_right_exit_code(cli: Cli, pid: str, args, code, needle) -> None:
    got, _out, err = cli(*[a.format(pid=pid) for a in args])
    assert got == code
    assert needle in err and "Traceback" not in err
    if code == 1:
        assert err.count("\n") == 1 and err.startswith("peercoach: ")


def test_list_shows_each_partnership_and_locked_ones(cli: Cli, pid: str) -> None:
    cli.clock.advance(60)
    cli("new", "--me", "Ana", "--partner", "Cleo")
    cli("session", "add", pid, "--at", "2026-01-09T10:00:00Z")
    listed = json.loads(cli("list", "--json")[1])
    assert [e["partner"] for e in listed] == ["Ben", "Cleo"]
    assert listed[0]["next_meeting"] == "2026-01-09T10:00:00.000Z"
    cli.keystore.keys.clear()
    code, out, _ = cli("list")
    assert code == 0 and out.count("locked") == 2 and "Ben" not in out


def test_empty_data_dir_explains_how_to_start(cli: Cli) -> None:
    assert "peercoach new" in cli("list")[1]


def test_passphrase_notebook_from_the_command_line(cli: Cli, tmp_path: Path) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_text("a long passphrase\n")
    code, out, _ = cli(
        "--passphrase-file", str(secret), "new", "--me", "Ana", "--partner", "Ben", "--passphrase"
    )
    assert code == 0 and cli.keystore.keys == {}
    pid = out.strip()
    assert cli("--passphrase-file", str(secret), "note", "add", pid, "--text", "hello")[0] == 0
    code, _, err = cli("show", pid)
    assert code == 2 and "--passphrase-file" in err
    secret.write_text("another passphrase")
    assert cli("--passphrase-file", str(secret), "show", pid)[0] == 1


def test_trash_from_the_command_line(cli: Cli, pid: str) -> None:
    goal_id = json.loads(cli("goal", "add", pid, "--owner", "me", "--title", "Delegate", "--json")[1])["id"]
    cli("step", "add", pid, "--owner", "me", "--text", "Ask Kim", "--goal", goal_id)
    code, out, _ = cli("delete", pid, goal_id)
    assert code == 0 and "with 1 linked" in out
    code, out, _ = cli("trash", pid)
    assert code == 0 and "Delegate (+1 linked)" in out and goal_id[:8] in out
    assert cli("restore", pid, goal_id[:8])[0] == 0
    shown = json.loads(cli("show", pid, "--json")[1])
    assert [g["title"] for g in shown["goals"]] == ["Delegate"] and [s["text"] for s in shown["steps"]] == [
        "Ask Kim"
    ]
    cli("delete", pid, goal_id)
    assert cli("purge", pid, goal_id)[0] == 0
    assert cli("trash", pid, "--json")[1].strip() == "[]"
    code, _, err = cli("restore", pid, goal_id)
    assert code == 1 and err.count("\n") == 1


def test_history_lists_and_restores_from_the_command_line(cli: Cli, pid: str, data_dir: Path) -> None:
    note_id = json.loads(cli("note", "add", pid, "--text", "first words", "--json")[1])["id"]
    cli.clock.advance(seconds=600)  # a later sitting: its edit keeps the first words as a version
    library = Library(data_dir, cli.keystore, cli.clock)
    with open_notebook(library, library.resolve(pid)) as store:
        store.update_note(note_id, "second words")
    code, out, _ = cli("history", pid, note_id[:8])
    assert code == 0 and "first words" in out
    assert cli("history", pid, note_id, "--restore", "1")[0] == 0
    shown = json.loads(cli("show", pid, "--json")[1])
    assert [n["body"] for n in shown["notes"]] == ["first words"]
    versions = json.loads(cli("history", pid, note_id, "--json")[1])["versions"]
    assert [v["fields"]["body"] for v in versions] == ["second words", "first words"]
    assert cli("history", pid, note_id, "--restore", "9")[0] == 2
