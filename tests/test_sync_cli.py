"""Sync from the command line: invite, join, export, import, conflicts, resolve."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from cli_runner import run_cli
from helpers import file_digests, files_containing

from peercoach_desktop.cli.main import main
from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.vault.keystore import MemoryKeyStore, OsKeyStore, sync_entry

PAIRING = "blue kettle morning"
SECRET = "ZEBRA-PRIVATE-4711"


class Laptop:
    """One data dir and keyring, driven through peercoach's main() in this process."""

    def __init__(self, data_dir: Path, clock: FakeClock, capsys, monkeypatch) -> None:
        self.data_dir, self.clock, self.capsys, self.monkeypatch = data_dir, clock, capsys, monkeypatch
        self.keystore = MemoryKeyStore()

    def __call__(self, *args: str, stdin: str = "") -> tuple[int, str, str]:
        self.monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        try:
            code = main(["--data-dir", str(self.data_dir), *args], keystore=self.keystore, clock=self.clock)
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = self.capsys.readouterr()
        return code, out, err


@pytest.fixture
def laptops(tmp_path: Path, capsys, monkeypatch) -> tuple[Laptop, Laptop]:
    clock = FakeClock()
    return (
        Laptop(tmp_path / "ana", clock, capsys, monkeypatch),
        Laptop(tmp_path / "ben", clock, capsys, monkeypatch),
    )


def paired(ana: Laptop, ben: Laptop, tmp_path: Path) -> str:
    code, pid, _ = ana("new", "--me", "Ana", "--partner", "Ben")
    pid = pid.strip()
    invite = tmp_path / "invite.pcinvite"
    assert ana("invite", pid, "--out", str(invite), "--passphrase-file", "-", stdin=PAIRING + "\n")[0] == 0
    code, out, err = ben("join", str(invite), "--passphrase-file", "-", stdin=PAIRING + "\n")
    assert code == 0, err
    assert out.strip() == pid and "Recovery code" in err
    return pid


def test_invite_and_join_share_one_sync_key_in_each_keyring(laptops, tmp_path: Path) -> None:
    ana, ben = laptops
    pid = paired(ana, ben, tmp_path)
    sync_keys = [
        {name: key for name, key in lap.keystore.keys.items() if name.startswith("sync:")} for lap in laptops
    ]
    assert [len(k) for k in sync_keys] == [1, 1]
    assert next(iter(sync_keys[0].values())) == next(iter(sync_keys[1].values()))
    shown = json.loads(ben("show", pid, "--json")[1])
    assert (shown["me"]["name"], shown["partner"]["name"], shown["title"]) == ("Ben", "Ana", "Ana & Ben")
    assert sync_entry("nb") == "sync:nb"


def test_the_invitation_holds_no_name_or_title_in_the_clear(laptops, tmp_path: Path) -> None:
    ana, _ = laptops
    pid = ana("new", "--me", "Anastasia", "--partner", "Benedikt", "--title", "Quarterly Growth")[1].strip()
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    ana("invite", pid, "--out", str(outbox / "invite.pcinvite"), "--passphrase-file", "-", stdin=PAIRING)
    assert [p.name for p in outbox.iterdir()] == ["invite.pcinvite"]
    for word in ("Anastasia", "Benedikt", "Quarterly", pid, PAIRING):
        assert files_containing(outbox, word) == []


def test_join_with_the_wrong_passphrase_creates_nothing(laptops, tmp_path: Path) -> None:
    ana, ben = laptops
    pid = ana("new", "--me", "Ana", "--partner", "Ben")[1].strip()
    invite = tmp_path / "invite.pcinvite"
    ana("invite", pid, "--out", str(invite), "--passphrase-file", "-", stdin=PAIRING)
    code, _, err = ben("join", str(invite), "--passphrase-file", "-", stdin="not the phrase")
    assert code == 1 and "passphrase does not open" in err and err.count("\n") == 1
    assert not (ben.data_dir / "notebooks").exists() or list((ben.data_dir / "notebooks").iterdir()) == []
    assert ben.keystore.keys == {}
    assert ben("join", str(invite), "--passphrase-file", "-", stdin=PAIRING)[0] == 0


def test_a_lost_sync_key_is_renewed_by_inviting_again(laptops, tmp_path: Path) -> None:
    ana, ben = laptops
    pid = paired(ana, ben, tmp_path)
    ana.keystore.keys = {k: v for k, v in ana.keystore.keys.items() if not k.startswith("sync:")}
    code, _, err = ana("export", pid, "--out", str(tmp_path / "a"))
    assert code == 1 and "peercoach invite" in err
    invite = tmp_path / "again.pcinvite"
    ana("invite", pid, "--out", str(invite), "--passphrase-file", "-", stdin=PAIRING)
    code, _, err = ana("join", str(invite), "--passphrase-file", "-", stdin=PAIRING)
    assert code == 2 and "your partner's side" in err  # Ana cannot take Ben's place
    code, out, err = ben("join", str(invite), "--passphrase-file", "-", stdin=PAIRING)
    assert code == 0 and out.strip() == pid and "renewed" in err
    assert len(list((ben.data_dir / "notebooks").glob("*.pcnb"))) == 1
    ana("note", "add", pid, "--text", "After the new key")
    assert ana("export", pid, "--out", str(tmp_path / "a"))[0] == 0
    assert "1 added" in ben("import", str(tmp_path / "a"))[1]


def test_short_pairing_passphrase_is_a_usage_error(laptops, tmp_path: Path) -> None:
    ana, _ = laptops
    pid = ana("new", "--me", "Ana", "--partner", "Ben")[1].strip()
    code, _, err = ana("invite", pid, "--out", str(tmp_path / "i"), "--passphrase-file", "-", stdin="short")
    assert code == 2 and "at least" in err and not (tmp_path / "i").exists()


def test_export_import_with_counts_dry_run_and_json(laptops, tmp_path: Path) -> None:
    ana, ben = laptops
    pid = paired(ana, ben, tmp_path)
    ana("note", "add", pid, "--text", "We meet monthly")
    ana("goal", "add", pid, "--owner", "partner", "--title", "Find a sponsor")
    out = tmp_path / "ana.pcsync"
    code, text, _ = ana("export", pid, "--out", str(out))
    assert code == 0 and "Exported" in text
    ben("show", pid)  # the first open of the day takes its daily backup: not part of the import
    before = file_digests(ben.data_dir)
    code, text, _ = ben("import", str(out), "--dry-run")
    assert code == 0 and "Would import Ana's changes: 2 added, 0 updated" in text
    assert file_digests(ben.data_dir) == before
    report = json.loads(ben("import", str(out), "--json")[1])
    assert (report["added"], report["updated"], report["conflicted"], report["dry_run"]) == (2, 0, 0, False)
    before = file_digests(ben.data_dir)
    again = json.loads(ben("import", str(out), "--json")[1])
    assert (again["added"], again["updated"], again["deleted"], again["conflicted"]) == (0, 0, 0, 0)
    assert file_digests(ben.data_dir) == before  # the same file twice: not one byte changes


def test_conflicts_are_listed_and_resolved(laptops, tmp_path: Path) -> None:
    ana, ben = laptops
    pid = paired(ana, ben, tmp_path)
    note = ana("note", "add", pid, "--text", "Draft")[1].strip()
    ana("export", pid, "--out", str(tmp_path / "a"))
    ben("import", str(tmp_path / "a"))
    shown = json.loads(ana("show", pid, "--json")[1])
    assert shown["notes"][0]["id"] == note
    # both edit the same step status concurrently: done on one side, dropped on the other
    step = ana("step", "add", pid, "--owner", "me", "--text", "Ask for feedback")[1].strip()
    ana("export", pid, "--out", str(tmp_path / "a"))
    ben("import", str(tmp_path / "a"))
    ana("step", "done", pid, step[:8])
    ana.clock.advance(1)
    ben("step", "drop", pid, step[:8])
    ben("export", pid, "--out", str(tmp_path / "b"))
    code, text, _ = ana("import", str(tmp_path / "b"))
    assert code == 0 and "1 conflicted" in text and "peercoach conflicts" in text
    listed = json.loads(ana("conflicts", pid, "--json")[1])
    assert [(c["id"], c["current"]["status"], c["other"]["status"]) for c in listed] == [
        (step, "dropped", "done")
    ]
    assert ana("resolve", pid, step[:8], "--keep", "other")[0] == 0
    assert ana("conflicts", pid)[1].strip() == "No conflicts."
    assert [s["status"] for s in json.loads(ana("show", pid, "--json")[1])["steps"]] == ["done"]


def test_import_of_a_file_for_no_notebook_here(laptops, tmp_path: Path) -> None:
    ana, ben = laptops
    pid = paired(ana, ben, tmp_path)
    ana("export", pid, "--out", str(tmp_path / "a"))
    code, _, err = ana.__class__(tmp_path / "cleo", ana.clock, ana.capsys, ana.monkeypatch)(
        "import", str(tmp_path / "a")
    )
    assert code == 1 and "No notebook on this laptop" in err


def test_export_before_pairing_says_how_to_pair(laptops, tmp_path: Path) -> None:
    ana, _ = laptops
    pid = ana("new", "--me", "Ana", "--partner", "Ben")[1].strip()
    code, _, err = ana("export", pid, "--out", str(tmp_path / "a"))
    assert code == 1 and "peercoach invite" in err and not (tmp_path / "a").exists()


def test_a_passphrase_notebook_can_pair_and_sync(laptops, tmp_path: Path) -> None:
    ana, ben = laptops
    secret = tmp_path / "notebook-pass"
    secret.write_text("a long notebook passphrase")
    nb = ["--passphrase-file", str(secret)]
    pid = ana(*nb, "new", "--me", "Ana", "--partner", "Ben", "--passphrase")[1].strip()
    invite = tmp_path / "invite"
    pairing_file = tmp_path / "pairing"
    pairing_file.write_text(PAIRING)
    assert ana(*nb, "invite", pid, "--out", str(invite), "--passphrase-file", str(pairing_file))[0] == 0
    code, _, err = ben(*nb, "join", str(invite), "--passphrase-file", str(pairing_file), "--passphrase")
    assert code == 0, err
    assert ana.keystore.keys == {} and ben.keystore.keys == {}  # the sync key lives in the encrypted file
    ana(*nb, "note", "add", pid, "--text", "Protected and shared")
    ana(*nb, "export", pid, "--out", str(tmp_path / "a"))
    assert ben(*nb, "import", str(tmp_path / "a"))[0] == 0
    assert "Protected and shared" in ben(*nb, "show", pid)[1]


def test_two_laptops_through_the_real_cli_and_keyring(secret_service: dict[str, str], tmp_path: Path) -> None:
    """Create, invite, join, edit on both sides, exchange files both ways: same shared content,
    and neither sees the other's private notes."""
    env = secret_service
    ana, ben = tmp_path / "ana-laptop", tmp_path / "ben-laptop"
    invite, a_file, b_file = tmp_path / "invite.pcinvite", tmp_path / "a.pcsync", tmp_path / "b.pcsync"

    def ok(data: Path, *args: str, stdin: str | None = None) -> str:
        result = run_cli(data, env, *args, stdin=stdin)
        assert result.code == 0, (args, result.err)
        return result.out

    pid = json.loads(ok(ana, "new", "--me", "Ana", "--partner", "Ben", "--json"))["id"]
    ok(ana, "note", "add", pid, "--text", "Shared before pairing")
    ok(ana, "invite", pid, "--out", str(invite), "--passphrase-file", "-", stdin=PAIRING + "\n")
    joined = json.loads(ok(ben, "join", str(invite), "--passphrase-file", "-", "--json", stdin=PAIRING))
    assert joined["id"] == pid and joined["received"] == {"notes": 1}  # the shared notebook came along
    assert OsKeyStore().get(sync_entry(joined["notebook_id"])) is not None  # in the real keyring

    ok(ana, "note", "add", pid, "--private", "--text", f"Ana {SECRET}")
    goal = ok(ana, "goal", "add", pid, "--owner", "partner", "--title", "Find a sponsor").strip()
    ok(ana, "export", pid, "--out", str(a_file))
    assert "1 added" in ok(ben, "import", str(a_file))  # the goal; the note came with the invitation

    ok(ben, "note", "add", pid, "--private", "--text", f"Ben {SECRET}")
    ok(ben, "step", "add", pid, "--owner", "me", "--text", "Email two sponsors", "--goal", goal[:8])
    ok(ben, "goal", "set", pid, goal[:8], "--status", "paused")
    ok(ana, "session", "add", pid, "--at", "2026-03-01T10:00:00Z")
    ok(ben, "export", pid, "--out", str(b_file))
    ok(ana, "import", str(b_file))
    ok(ana, "export", pid, "--out", str(a_file))
    ok(ben, "import", str(a_file))

    views = []
    for data, private_here in ((ana, "Ana"), (ben, "Ben")):
        shown = json.loads(ok(data, "show", pid, "--json"))
        private = [n["body"] for n in shown["notes"] if n["visibility"] == "private"]
        assert private == [f"{private_here} {SECRET}"]  # its own, never the other's
        shared = {
            "notes": sorted(n["body"] for n in shown["notes"] if n["visibility"] == "shared"),
            "goals": [(g["title"], g["status"]) for g in shown["goals"]],
            "steps": [s["text"] for s in shown["steps"]],
            "sessions": [s["scheduled_at"] for s in shown["sessions"]],
        }
        views.append(shared)
    assert views[0] == views[1]
    assert views[0]["goals"] == [("Find a sponsor", "paused")] and views[0]["steps"] == ["Email two sponsors"]
    assert files_containing(tmp_path, SECRET) == []  # not in any notebook, sync file or invitation
