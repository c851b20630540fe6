"""The sync folder: two laptops (two data dirs) and a plain shared folder first."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from helpers import files_containing
from sync_helpers import make_pair
from test_sync_cli import Laptop, paired

from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.domain.model import Goal, Note
from peercoach_desktop.sync import file_names
from peercoach_desktop.sync.folder import FolderState, candidates, is_ignored, sync_round

PID = "3f2a9c1e-0000-4000-8000-000000000001"
SECRET = "OKAPI-PRIVATE-9931"
WATCH = ("--watch", "--interval", "0.2", "--json", "--folder")


def test_which_names_are_read() -> None:
    own = file_names.sync_file_name(PID, "7c1e0b2d-1", "aaaa")
    partner = file_names.sync_file_name(PID, "9d4f2e3a-2", "bbbb")
    stem = partner.removesuffix(".pcsync")
    names = [
        own,
        partner,
        f"{stem}.sync-conflict-20260105-101530-ABCDEF1.pcsync",  # Syncthing
        f"{stem} (conflicted copy 2026-01-05 101530).pcsync",  # Nextcloud
        f"{stem} (Ben's conflicted copy 2026-01-05).pcsync",  # Dropbox
        f".syncthing.{partner}.tmp",
        f"{partner}.part",
        f"~{partner}",
        f".~lock.{partner}#",
        "99999999-9d4f2e3a-bbbb.pcsync",  # another partnership's file in the same folder
        "notes.txt",
    ]
    assert candidates(names, PID, own) == sorted(names[1:5])
    assert is_ignored(".syncthing.x.pcsync.tmp") and not is_ignored(partner)


def test_two_laptops_stay_in_step_through_a_plain_folder(tmp_path: Path) -> None:
    pair = make_pair(tmp_path)
    shared = tmp_path / "shared"
    shared.mkdir()
    ana_nb, ben_nb = pair.ana_library.descriptors()[0], pair.ben_library.descriptors()[0]
    ana_state, ben_state = FolderState(), FolderState()

    def ana_round():  # type: ignore[no-untyped-def]
        return sync_round(pair.ana, pair.key, ana_nb.notebook_id, shared, ana_state)

    def ben_round():  # type: ignore[no-untyped-def]
        return sync_round(pair.ben, pair.key, ben_nb.notebook_id, shared, ben_state)

    try:
        pair.ana.add_goal("me", "Say no to one meeting a week")
        pair.ana.add_note(f"Ana {SECRET}", private=True)
        pair.ben.add_note("Ben's shared note")
        pair.ben.add_note(f"Ben {SECRET}", private=True)
        assert ana_round().sent is not None
        first = ben_round()
        assert first.received and first.counts.added == 1 and first.sent is not None
        assert ana_round().counts.added == 1
        assert len(list(shared.iterdir())) == 2  # one file per laptop, nothing else
        # in step, each with only its own private note
        for store, me in ((pair.ana, "Ana"), (pair.ben, "Ben")):
            assert [g.title for g in store.list(Goal)] == ["Say no to one meeting a week"]
            bodies = sorted(n.body for n in store.list(Note))
            assert bodies == sorted(["Ben's shared note", f"{me} {SECRET}"])
        assert files_containing(shared, SECRET) == []
        # Ben reads Ana's file once more (it now carries his records too: a snapshot), and then
        # nothing changed: no file is written or read again (no churn between the laptops)
        assert ben_round().counts.as_dict() == {k: 0 for k in first.counts.as_dict()}
        for _ in range(2):
            quiet = [ana_round(), ben_round()]
            assert all(r.sent is None and not r.received for r in quiet)

        # a sync engine's conflict copy of Ben's older file is merged, and loses nothing
        ben_file = shared / file_names.sync_file_name(
            pair.ben.partnership_id, pair.ben.me_id, ben_nb.notebook_id
        )
        older = shared / (ben_file.stem + ".sync-conflict-20260105-101530-ABCDEF1.pcsync")
        shutil.copy(ben_file, older)
        pair.ben.add_note("Ben's second note")
        ben_round()
        # a damaged file is reported once and does not block the others
        (shared / (ben_file.stem + " (conflicted copy 2026-01-05).pcsync")).write_bytes(b"not a sync file")
        report = ana_round()
        assert report.counts.added == 1 and len(report.received) == 2
        assert list(report.problems) == [ben_file.stem + " (conflicted copy 2026-01-05).pcsync"]
        assert "not a PeerCoach sync file" in str(next(iter(report.problems.values())))
        assert ana_round().problems == {}  # told once
        bad = ben_file.stem + " (conflicted copy 2026-01-05).pcsync"
        assert list(ana_round().outstanding) == [bad]  # ... and still in trouble, for a status line
        later = sync_round(pair.ana, pair.key, ana_nb.notebook_id, shared, FolderState())  # a new process
        assert list(later.problems) == [bad] and later.received == []  # told again, nothing re-imported
        (shared / bad).unlink()
        assert ana_round().outstanding == {}
        # our own file's conflict copy is recognised by its sender and skipped quietly
        ana_file = shared / file_names.sync_file_name(
            pair.ana.partnership_id, pair.ana.me_id, ana_nb.notebook_id
        )
        shutil.copy(ana_file, shared / (ana_file.stem + ".sync-conflict-20260105-111111-XYZ.pcsync"))
        assert ana_round().problems == {}
    finally:
        pair.close()


@pytest.fixture
def two_laptops(tmp_path: Path, capsys, monkeypatch) -> tuple[Laptop, Laptop]:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    return (
        Laptop(tmp_path / "ana", clock, capsys, monkeypatch),
        Laptop(tmp_path / "ben", clock, capsys, monkeypatch),
    )


def test_one_round_from_the_command_line(two_laptops: tuple[Laptop, Laptop], tmp_path: Path) -> None:
    ana, ben = two_laptops
    pid = paired(ana, ben, tmp_path)
    shared = tmp_path / "shared"
    shared.mkdir()
    ana("note", "add", pid, "--text", "From Ana's cron job")
    code, out, err = ana("sync", pid, "--folder", str(shared), "--json")
    assert code == 0, err
    assert json.loads(out)["sent"] is not None
    code, out, err = ben("sync", pid, "--folder", str(shared))
    assert code == 0 and "Received Ana's changes: 1 added" in out
    assert "From Ana's cron job" in ben("show", pid)[1]
    code, out, err = ben("sync", pid, "--folder", str(tmp_path / "missing"))
    assert code != 0 and err.count("\n") == 1 and "does not exist" in err


def test_rounds_from_cron_send_and_import_only_what_changed(
    two_laptops: tuple[Laptop, Laptop], tmp_path: Path
) -> None:
    """Each `peercoach sync` run is a new process: it must still know what it sent and read, or
    every cron run would rewrite its file (the engine carries it again) and re-import the
    partner's (minutes at 100k notes)."""
    ana, ben = two_laptops
    pid = paired(ana, ben, tmp_path)
    shared = tmp_path / "shared"
    shared.mkdir()
    ana("note", "add", pid, "--text", "Written before the first cron run")
    assert json.loads(ana("sync", pid, "--folder", str(shared), "--json")[1])["sent"] is not None
    (ana_file,) = shared.iterdir()
    written = (ana_file.read_bytes(), ana_file.stat().st_mtime_ns)
    again = json.loads(ana("sync", pid, "--folder", str(shared), "--json")[1])
    assert again["sent"] is None and again["received"] == []
    assert (ana_file.read_bytes(), ana_file.stat().st_mtime_ns) == written

    assert json.loads(ben("sync", pid, "--folder", str(shared), "--json")[1])["received"] == [ana_file.name]
    ben_file = next(p for p in shared.iterdir() if p != ana_file)
    ben_bytes = ben_file.read_bytes()
    code, out, _ = ben("sync", pid, "--folder", str(shared))
    assert code == 0 and out.strip() == "Nothing new."
    assert ben_file.read_bytes() == ben_bytes

    ana("note", "add", pid, "--text", "A second note, later")
    later = json.loads(ana("sync", pid, "--folder", str(shared), "--json")[1])
    assert later["sent"] is not None and ana_file.read_bytes() != written[0]
    assert "A second note, later" not in ben("show", pid)[1]
    assert json.loads(ben("sync", pid, "--folder", str(shared), "--json")[1])["added"] == 1
    # An engine putting an older copy in place of Ana's file: her next run writes it anew.
    ana_file.write_bytes(written[0])
    assert json.loads(ana("sync", pid, "--folder", str(shared), "--json")[1])["sent"] is not None
    assert ana_file.read_bytes() != written[0]


# The app run with faulthandler on, so that a hang can be shown thread by thread (SIGABRT).
PYTHON_TRACED = [sys.executable, "-X", "faulthandler", "-m", "peercoach_desktop"]


@pytest.mark.parametrize("stop", ["SIGINT", "SIGTERM"])
def test_watch_keeps_a_headless_laptop_in_step_until_interrupted(
    secret_service: dict[str, str], tmp_path: Path, stop: str
) -> None:
    """The real command in a subprocess with the real keyring: Ben's laptop watches the folder,
    Ana's cron job drops her file in; Ben's notebook has it, and Ctrl+C (or a service manager's
    SIGTERM) ends it cleanly."""
    import queue
    import signal
    import subprocess
    import threading
    import time

    from cli_runner import run_cli

    env = secret_service
    ana, ben, shared = tmp_path / "ana", tmp_path / "ben", tmp_path / "shared"
    shared.mkdir()
    pid = json.loads(run_cli(ana, env, "new", "--me", "Ana", "--partner", "Ben", "--json").out)["id"]
    invite = tmp_path / "invite.pcinvite"
    assert (
        run_cli(
            ana, env, "invite", pid, "--out", str(invite), "--passphrase-file", "-", stdin="pairing words"
        ).code
        == 0
    )
    assert run_cli(ben, env, "join", str(invite), "--passphrase-file", "-", stdin="pairing words").code == 0
    watcher = subprocess.Popen(
        [*PYTHON_TRACED, "--data-dir", str(ben), "sync", pid, *WATCH, str(shared)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        # As from a terminal: a test run started in the background (`make test &`) passes
        # SIGINT on ignored, and Python then leaves it ignored.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        assert run_cli(ana, env, "note", "add", pid, "--text", "Dropped in by cron").code == 0
        assert run_cli(ana, env, "sync", pid, "--folder", str(shared)).code == 0
        assert watcher.stdout is not None
        lines: queue.Queue[str] = queue.Queue()  # a reader thread: a bounded wait for each line
        threading.Thread(target=lambda: [lines.put(x) for x in watcher.stdout], daemon=True).start()  # type: ignore[union-attr]
        deadline = time.monotonic() + 30
        received = False
        while not received and time.monotonic() < deadline:
            try:
                line = lines.get(timeout=max(0.01, deadline - time.monotonic()))  # one JSON object a line
            except queue.Empty:
                break
            received = json.loads(line)["received"] != []
        assert received, watcher.stderr.read() if watcher.poll() is not None else "no round received the file"
        watcher.send_signal(getattr(signal, stop))
        try:
            code = watcher.wait(timeout=20)
        except subprocess.TimeoutExpired:  # say where it hangs: faulthandler prints every thread
            watcher.send_signal(signal.SIGABRT)
            watcher.wait(timeout=10)
            raise AssertionError(f"{stop} did not end --watch: {watcher.stderr.read()[-4000:]}") from None  # type: ignore[union-attr]
        assert code == 0
    finally:
        if watcher.poll() is None:
            watcher.kill()
            watcher.wait(timeout=20)
    assert "Dropped in by cron" in run_cli(ben, env, "show", pid).out
