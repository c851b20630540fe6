"""`peercoach workshop …`: a facilitator's hour from the command line, and the notebook behind it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from cli_runner import run_cli
from helpers import files_containing

from peercoach_desktop.cli.main import main
from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.vault.keystore import MemoryKeyStore, OsKeyStore

ROSTER = "Name;Department\n" + "".join(
    f"Person {i:02d};{['Physics', 'History', 'Nursing', 'Law'][i % 4]}\n" for i in range(19)
)


class Cli:
    def __init__(self, data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
        self.data_dir, self.capsys, self.monkeypatch = data_dir, capsys, monkeypatch
        self.keystore, self.clock = MemoryKeyStore(), FakeClock()

    def __call__(self, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
        if stdin is not None:
            self.monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        try:
            code = main(["--data-dir", str(self.data_dir), *args], keystore=self.keystore, clock=self.clock)
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = self.capsys.readouterr()
        return code, out, err

    def json(self, *args: str, stdin: str | None = None) -> object:
        code, out, err = self(*args, "--json", stdin=stdin)
        assert code == 0, err
        return json.loads(out)


@pytest.fixture
def cli(data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(data_dir, capsys, monkeypatch)


@pytest.fixture
def wid(cli: Cli) -> str:
    code, out, err = cli("workshop", "new", "--title", "Faculty spring")
    assert code == 0 and "Recovery code" in err
    return out.strip()


def test_a_workshop_is_listed_apart_from_partnerships(cli: Cli, wid: str) -> None:
    assert cli("new", "--me", "Ana", "--partner", "Ben")[0] == 0
    partnerships = cli.json("list")
    workshops = cli.json("workshop", "list")
    assert [p["title"] for p in partnerships] == ["Ana & Ben"]  # type: ignore[index]
    assert [(w["id"], w["title"], w["participants"]) for w in workshops] == [(wid, "Faculty spring", 0)]  # type: ignore[index]


def test_roster_paste_present_pair_and_show(cli: Cli, wid: str) -> None:
    assert cli.json("workshop", "roster", "import", wid, "-", "--present", stdin=ROSTER) == {"added": 19}
    shown = cli.json("workshop", "pair", "Faculty spring", "--seed", "4")
    tables = shown["tables"]  # type: ignore[index]
    assert sorted(len(t["names"]) for t in tables) == [2] * 8 + [3]
    assert all(len(set(t["units"])) == len(t["units"]) for t in tables)  # all across units
    # The same seed gives the same pairs: the facilitator can repeat them.
    again = cli.json("workshop", "pair", wid, "--seed", "4")
    assert again["tables"] == tables  # type: ignore[index]
    code, out, _ = cli("workshop", "show", wid)
    assert code == 0 and "Roster (19, 19 present)" in out and "Table 9:" in out


def test_late_arrival_and_swap_keep_the_other_pairs(cli: Cli, wid: str) -> None:
    cli.json("workshop", "roster", "import", wid, "-", "--present", stdin=ROSTER)
    before = {tuple(t["names"]) for t in cli.json("workshop", "pair", wid, "--seed", "1")["tables"]}  # type: ignore[index]
    cli.json("workshop", "roster", "add", wid, "--name", "Late Comer", "--unit", "Music", "--present")
    after = {tuple(t["names"]) for t in cli.json("workshop", "pair", wid, "--adjust")["tables"]}  # type: ignore[index]
    assert len(after) == 10 and len(before & after) >= 8
    assert any("Late Comer" in t for t in after)
    a, b = next(iter(before & after))[0], next(t for t in after if "Late Comer" in t)[0]
    swapped = cli.json("workshop", "swap", wid, a, b)["tables"]  # type: ignore[index]
    assert sum(tuple(t["names"]) in after for t in swapped) == len(after) - 2


def test_finished_pairs_are_not_repeated_next_time(cli: Cli, wid: str) -> None:
    everyone_apart = "".join(f"Person {i},Unit {i}\n" for i in range(20))
    cli.json("workshop", "roster", "import", wid, "-", "--present", stdin=everyone_apart)
    first = cli.json("workshop", "pair", wid, "--seed", "1")
    cli.json("workshop", "finish", wid)
    second = cli.json("workshop", "pair", wid, "--seed", "2")
    pairs = [{frozenset(t["names"]) for t in shown["tables"]} for shown in (first, second)]  # type: ignore[index]
    assert pairs[0].isdisjoint(pairs[1])


@pytest.mark.parametrize(
    ("roster", "message"),
    [
        ("Name,Email\nAna,a@x\n", "peercoach: Line 1: the header has no unit column"),
        ("Name,Unit\nAna,Physics\nana,Law\n", "peercoach: Line 3: ana is already on line 2"),
    ],
)
def test_bad_roster_is_one_line_and_imports_nothing(cli: Cli, wid: str, roster: str, message: str) -> None:
    code, _, err = cli("workshop", "roster", "import", wid, "-", stdin=roster)
    assert code == 2 and err.startswith(message) and err.count("\n") == 1
    assert cli.json("workshop", "show", wid)["participants"] == []  # type: ignore[index]


def test_a_name_already_on_the_roster_refuses_the_whole_import(cli: Cli, wid: str) -> None:
    cli.json("workshop", "roster", "add", wid, "--name", "Ana Lima", "--unit", "Physics")
    code, _, err = cli("workshop", "roster", "import", wid, "-", stdin="Ben,Law\nana lima,History\n")
    assert code == 2 and "Line 2: Ana Lima is already on this workshop's roster" in err
    assert [p["name"] for p in cli.json("workshop", "show", wid)["participants"]] == ["Ana Lima"]  # type: ignore[index]


def test_pairing_with_fewer_than_two_present_says_so(cli: Cli, wid: str) -> None:
    cli.json("workshop", "roster", "add", wid, "--name", "Ana", "--unit", "Physics", "--present")
    code, _, err = cli("workshop", "pair", wid)
    assert code == 2 and "at least two participants present" in err


def test_names_reach_disk_only_encrypted_with_the_key_in_the_real_keyring(
    secret_service: dict[str, str], tmp_path: Path
) -> None:
    marker = "QUOKKA-PERSONAL-0815"
    data = tmp_path / "data"
    created = json.loads(
        run_cli(data, secret_service, "workshop", "new", "--title", f"T {marker}", "--json").out
    )
    wid = created["id"]
    roster = f"Name,Unit\nAna {marker},Physics {marker}\nBen,History\nCem,Law\n"
    for args, stdin in (
        (["workshop", "roster", "import", wid, "-", "--present"], roster),
        (["workshop", "pair", wid], None),
        (["workshop", "finish", wid], None),
    ):
        result = run_cli(data, secret_service, *args, stdin=stdin)
        assert result.code == 0, result.err
    shown = run_cli(data, secret_service, "workshop", "show", wid)
    assert marker in shown.out and "Table 1:" in shown.out
    assert files_containing(data, marker) == []
    assert not (data / "notebooks").exists()  # no partnership appeared
    # Keyed like a partnership notebook: the key is in the keyring, under the local notebook id.
    assert OsKeyStore().get(created["notebook_id"]) is not None


def test_report_out_and_summary_with_cards(cli: Cli, wid: str, tmp_path: Path) -> None:
    cli.json("workshop", "roster", "import", wid, "-", "--present", stdin=ROSTER)
    shown = cli.json("workshop", "pair", wid, "--seed", "2")
    code, _, err = cli("workshop", "report", wid, "--tally", "not_unique=many")
    assert code == 2 and "THEME=COUNT" in err
    cli.json(
        "workshop", "report", wid, "--themes", "-", "--tally", "not_unique=12", "efficiency=9",
        "--continuing", "11", stdin="Time went fast.\nEveryone had a deadline problem.",
    )  # fmt: skip
    out = tmp_path / "summary.md"
    assert cli.json("workshop", "summary", wid, "--out", str(out)) == {
        "path": str(out),
        "format": "md",
        "cards": False,
    }
    text = out.read_text()
    assert "# Faculty spring: workshop summary" in text and "Date: 2026-01-05" in text
    assert "- First speakers: planned 15 min" in text
    assert "Everyone had a deadline problem." in text
    assert "“My problem was not unique”: 12" in text and "continue as peer-coaching partners: 11" in text
    for table in shown["tables"]:  # type: ignore[index]
        assert f"Table {table['table']}: {' · '.join(table['names'])}" in text
    cards = tmp_path / "cards.pdf"
    cli.json("workshop", "summary", wid, "--out", str(cards), "--cards")
    assert cards.read_bytes().startswith(b"%PDF")
    cli.json("workshop", "summary", wid, "--out", str(tmp_path / "cards.md"), "--cards")
    card_text = (tmp_path / "cards.md").read_text()
    assert card_text.count("Partner ▸ Invite partner…") == 9 and card_text.count("---") == 8
