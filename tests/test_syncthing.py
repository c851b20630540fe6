"""Proof with a real sync engine (issue 17): two Syncthing instances on loopback carry the sync
folder between two laptops. Each laptop has its own data dir, its own real gnome-keyring (on its
own private D-Bus) and its own copy of the folder, and runs the real `peercoach` command, as a
cron job or a headless laptop would (`peercoach sync P --folder DIR --json`)."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cli_runner import run_cli
from helpers import file_digests, files_containing
from secret_service import private_secret_service
from syncthing_pair import Engine, syncthing_pair, wait_connected, wait_disconnected, wait_for

pytestmark = pytest.mark.secret_service

PAIRING = "kettle harbour syncthing"
SECRETS = {"Ana": "ANA-PRIVATE-OKAPI-5521", "Ben": "BEN-PRIVATE-QUOKKA-8810"}
CONVERGE_S = 60.0  # the laptops' notebooks agree within this, or the test fails
DELIVER_S = 30.0  # Syncthing carries one round's files within this
RECONNECT_S = 90.0  # two instances find each other again after a pause

# The window's note editor saves through store.update_note (ui/notebook/notes_view.py); the
# command line has no note edit, so this runs the same call in the laptop's own environment.
EDIT_NOTE = """
import sys
from pathlib import Path
from peercoach_desktop.vault.keystore import OsKeyStore
from peercoach_desktop.vault.library import Library
from peercoach_desktop.vault.opener import open_notebook
data_dir, partnership, note_id, body = sys.argv[1:]
library = Library(Path(data_dir), OsKeyStore())
with open_notebook(library, library.resolve(partnership)) as store:
    store.update_note(note_id, body)
"""


@dataclass
class Laptop:
    name: str
    data: Path
    env: dict[str, str]
    engine: Engine
    pid: str = ""

    def run(self, *args: str, stdin: str | None = None) -> str:
        result = run_cli(self.data, self.env, *args, stdin=stdin)
        assert result.code == 0, f"{self.name}: peercoach {' '.join(args)} failed: {result.err}"
        return result.out

    def json(self, *args: str, stdin: str | None = None) -> Any:
        return json.loads(self.run(*args, "--json", stdin=stdin))

    def sync(self) -> dict[str, Any]:
        report = self.json("sync", self.pid, "--folder", str(self.engine.folder))
        assert report["problems"] == [], f"{self.name}'s sync round: {report['problems']}"
        return report

    def notebook(self) -> dict[str, Any]:
        return self.json("show", self.pid)

    def edit_note(self, note_id: str, body: str) -> None:
        args = [sys.executable, "-c", EDIT_NOTE, str(self.data), self.pid, note_id, body]
        done = subprocess.run(args, capture_output=True, text=True, env=self.env, timeout=60)
        assert done.returncode == 0, done.stderr

    def own_file(self) -> Path:
        """This laptop's sync file in its copy of the folder (named by partnership and sender)."""
        me = self.notebook()["me"]["id"].replace("-", "")[:8]
        prefix = self.pid.replace("-", "")[:8] + "-" + me + "-"
        [path] = [p for p in self.engine.folder.glob(prefix + "*.pcsync") if "sync-conflict" not in p.name]
        return path


def shared_view(notebook: dict[str, Any]) -> dict[str, Any]:
    """What both partners should see alike: every shared record, by id."""

    def shared(kind: str) -> list[dict[str, Any]]:
        records = [r for r in notebook[kind] if r.get("visibility", "shared") == "shared"]
        return sorted(records, key=lambda r: r["id"])

    return {
        "title": notebook["title"],
        "peers": sorted([notebook["me"]["name"], notebook["partner"]["name"]]),
        **{kind: shared(kind) for kind in ("goals", "sessions", "notes", "steps")},
    }


def settled(a: Engine, b: Engine) -> bool:
    """Syncthing has carried everything: both copies of the folder hold the same files, byte for
    byte (its marker and temporaries aside), and each instance is idle and knows the other has
    all of the folder."""

    def visible(engine: Engine) -> dict[str, str]:
        return {n: d for n, d in file_digests(engine.folder).items() if not n.startswith(".")}

    return (
        visible(a) == visible(b)
        and a.idle()
        and b.idle()
        and a.completion_of(b) == 100
        and b.completion_of(a) == 100
    )


def converge(ana: Laptop, ben: Laptop, done: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
    """Sync rounds on both laptops, each followed by a bounded wait for Syncthing to carry the
    files, until both notebooks show the same shared records and `done` holds for them."""
    deadline = time.monotonic() + CONVERGE_S
    while True:
        for laptop in (ana, ben):
            laptop.sync()
        wait_for(lambda: settled(ana.engine, ben.engine), DELIVER_S, "Syncthing carrying the files")
        views = [shared_view(laptop.notebook()) for laptop in (ana, ben)]
        if views[0] == views[1] and done(views[0]):
            return views[0]
        if time.monotonic() > deadline:
            raise AssertionError(
                f"the notebooks did not converge in {CONVERGE_S:.0f} s:\n{views[0]}\n{views[1]}"
            )


def indexed(engine: Engine, name: str, size: int) -> bool:
    """The instance's database holds the file at this size: its scan saw the change."""
    return (engine.local_file(name) or {}).get("size") == size


def bodies(view: dict[str, Any]) -> set[str]:
    return {n["body"] for n in view["notes"]}


@pytest.fixture
def laptops(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Laptop, Laptop]]:
    """Ana and Ben, paired, each with a running Syncthing, a keyring and a data dir of their own."""
    with contextlib.ExitStack() as stack:
        engines = stack.enter_context(syncthing_pair(tmp_path / "syncthing"))
        pair = []
        for engine in engines:
            # a short root: the D-Bus socket path must stay under the 108 bytes a socket allows
            keyring = stack.enter_context(private_secret_service(tmp_path_factory.mktemp(engine.name)))
            env = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
            env |= keyring | {"PEERCOACH_CONFIG_DIR": str(tmp_path / engine.name / "config")}
            pair.append(Laptop(engine.name, tmp_path / engine.name / "data", env, engine))
        ana, ben = pair
        ana.pid = ana.json("new", "--me", "Ana", "--partner", "Ben")["id"]
        # the invitation goes by hand (a USB stick), the passphrase by phone: not through the folder
        invite = tmp_path / "invite.pcinvite"
        ana.run("invite", ana.pid, "--out", str(invite), "--passphrase-file", "-", stdin=PAIRING)
        ben.pid = ben.json("join", str(invite), "--passphrase-file", "-", stdin=PAIRING)["id"]
        assert ben.pid == ana.pid
        yield ana, ben


def test_two_laptops_converge_through_syncthing_and_keep_private_notes_private(
    laptops: tuple[Laptop, Laptop],
) -> None:
    ana, ben = laptops
    note = ana.json("note", "add", ana.pid, "--text", "What I heard in our first session")
    goal = ana.json("goal", "add", ana.pid, "--owner", "me", "--title", "Say no to one meeting a week")
    ben.json("note", "add", ben.pid, "--text", "Ben's shared note")
    ben.json("step", "add", ben.pid, "--owner", "me", "--text", "Write the draft by Friday")
    for laptop in (ana, ben):
        laptop.json("note", "add", laptop.pid, "--text", f"{laptop.name} {SECRETS[laptop.name]}", "--private")

    view = converge(ana, ben, lambda v: len(v["notes"]) == 2 and v["goals"] and v["steps"])
    assert bodies(view) == {"What I heard in our first session", "Ben's shared note"}
    assert [g["title"] for g in view["goals"]] == ["Say no to one meeting a week"]
    assert [s["text"] for s in view["steps"]] == ["Write the draft by Friday"]

    # The same shared note and goal edited on both laptops at once, before either round
    ana.edit_note(note["id"], "Ana's reading: say no kindly")
    ben.edit_note(note["id"], "Ben's reading: say no firmly")
    ana.run("goal", "set", ana.pid, goal["id"], "--status", "achieved")
    ben.run("goal", "set", ben.pid, goal["id"], "--status", "paused")
    edits = {"Ana's reading: say no kindly", "Ben's reading: say no firmly"}
    view = converge(ana, ben, lambda v: edits <= bodies(v))
    # nothing lost: both versions of each record stay, on both laptops, as one conflict each
    assert {g["status"] for g in view["goals"]} == {"achieved", "paused"}
    for laptop in (ana, ben):
        conflicts = laptop.json("conflicts", laptop.pid)
        assert sorted((c["kind"], c["id"]) for c in conflicts) == sorted(
            [("goals", goal["id"]), ("notes", note["id"])]
        ), laptop.name
        [on_note] = [c for c in conflicts if c["kind"] == "notes"]
        assert {on_note["current"]["body"], on_note["other"]["body"]} == edits

    # Each keeps its own private note; the other's notebook never has it, and no file either
    # Syncthing instance holds or carried (folder, database, logs) contains it
    for laptop, other in ((ana, ben), (ben, ana)):
        every_body = {n["body"] for n in laptop.notebook()["notes"]}
        assert f"{laptop.name} {SECRETS[laptop.name]}" in every_body
        assert not any(SECRETS[other.name] in body for body in every_body)
    for secret in SECRETS.values():
        for laptop in (ana, ben):
            assert files_containing(laptop.engine.root, secret) == []


def test_a_syncthing_conflict_copy_is_merged_and_loses_nothing(laptops: tuple[Laptop, Laptop]) -> None:
    """Syncthing makes a conflict copy when both sides changed one file while apart: here
    Ana's file, which Ben's laptop got back from an older copy (a restored backup) while
    Ana wrote a newer one. The newer write of the two wins the name; the other version is
    kept as `*.sync-conflict-*`, and only that copy holds Ana's newest note."""
    ana, ben = laptops
    ana.json("note", "add", ana.pid, "--text", "Ana's first note")
    ana.sync()
    older = ana.own_file().read_bytes()  # the version a backup would hold
    ana.json("note", "add", ana.pid, "--text", "Ana's second note")
    converge(ana, ben, lambda v: len(v["notes"]) == 2)
    name = ana.own_file().name

    for engine in (ana.engine, ben.engine):
        engine.post("/rest/system/pause")  # every device: the laptops are apart
    wait_disconnected(ana.engine, ben.engine)
    ana.json("note", "add", ana.pid, "--text", "Written while the laptops were apart")
    assert ana.sync()["sent"] is not None
    newest = ana.own_file().read_bytes()
    restored = ben.engine.folder / name
    restored.write_bytes(older)
    later = ana.own_file().stat().st_mtime + 60  # the restored copy is the later change
    os.utime(restored, (later, later))
    for engine, data in ((ana.engine, newest), (ben.engine, older)):
        engine.scan()  # both changes are in each instance's index before they meet again
        wait_for(functools.partial(indexed, engine, name, len(data)), DELIVER_S, f"{engine.name}'s scan")
    for engine in (ana.engine, ben.engine):
        engine.post("/rest/system/resume")
    # A dial that reached the other side while it was paused is rejected there, and Syncthing
    # waits out its 20 s Hello timeout before dialling again: allow for one such round on a busy
    # machine (seen once in a full run under load).
    wait_connected(ana.engine, ben.engine, timeout=RECONNECT_S)

    def conflict_copies(engine: Engine) -> list[Path]:
        stem = name.removesuffix(".pcsync")
        return sorted(engine.folder.glob(stem + ".sync-conflict-*.pcsync"))

    wait_for(
        lambda: all(conflict_copies(e) for e in (ana.engine, ben.engine)) and settled(ana.engine, ben.engine),
        DELIVER_S,
        "Syncthing making and carrying a conflict copy",
    )
    # Honest: the conflict is real, the name holds the older version, the copy the newest
    [copy] = conflict_copies(ben.engine)
    assert (ben.engine.folder / name).read_bytes() == older
    assert copy.read_bytes() == newest

    apart = "Written while the laptops were apart"
    assert apart not in {n["body"] for n in ben.notebook()["notes"]}  # Ben has it only in the copy
    report = ben.sync()
    assert copy.name in report["received"] and report["added"] >= 1
    ben_bodies = {n["body"] for n in ben.notebook()["notes"]}
    assert {"Ana's first note", "Ana's second note", apart} <= ben_bodies
    # Ana's own file's conflict copy is recognised as hers and skipped quietly (sync() checks
    # that no problem is reported); both notebooks end alike, nothing lost
    view = converge(ana, ben, lambda v: len(v["notes"]) == 3)
    assert apart in bodies(view)
