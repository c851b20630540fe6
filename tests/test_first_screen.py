"""The first screen read ahead by a child process while the window starts (vault.first_screen).

Real processes against a real (private) Secret Service: the child is forked by a fresh Python
process, as the app forks it before Qt loads; the window side runs the real MainWindow."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import file_digests
from pytestqt.qtbot import QtBot
from secret_service import private_secret_service

from peercoach_desktop.ui.infra.settings import Preferences
from peercoach_desktop.ui.shell.main_window import MainWindow
from peercoach_desktop.vault.first_screen import LIMIT, ReadAhead
from peercoach_desktop.vault.keystore import OsKeyStore
from peercoach_desktop.vault.library import Library

# What a window's process does: fork the reader first, send the data dir, wait for the answer.
READ_AHEAD = """
import json, select, sys
from peercoach_desktop.vault import first_screen
reader = first_screen.start()
assert reader is not None, "no read-ahead on Linux"
reader.send_folder(sys.argv[1])
while not reader.read_available():
    select.select([reader.fileno], [], [], 10)
screen = reader.result()
if screen is None:
    print("null")
else:
    view = screen.overview
    print(json.dumps({
        "listed": [[s.partnership_id, s.title, s.partner] for s in screen.summaries],
        "shown": screen.partnership_id,
        "title": view.title,
        "goals": [[g.goal.title, g.steps_done, g.steps_total] for g in view.goals],
        "open_steps": [s.text for s in view.open_steps],
        "notes": view.note_count,
    }))
"""


def read_ahead(data: Path, env: dict[str, str] | None = None) -> object:
    done = subprocess.run(
        [sys.executable, "-c", READ_AHEAD, str(data)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**(env if env is not None else os.environ), "PEERCOACH_READ_AHEAD": "1"},
    )
    assert done.returncode == 0, done.stderr[-1500:]
    assert done.stderr == ""  # the child never speaks on the user's terminal
    return json.loads(done.stdout)


@pytest.fixture
def notebook(secret_service: dict[str, str], data_dir: Path) -> Iterator[tuple[Library, str]]:
    """A notebook with its key in the real keyring: a goal, one of its steps, a note."""
    library = Library(data_dir, OsKeyStore())
    created = library.create("Ana", "Ben", "Ana & Ben")
    store = created.store
    goal = store.add_goal("me", "Delegate the budget review")
    store.add_step("me", "Ask Ben for the figures", goal=goal.id)
    store.add_note("What I heard: more trust than I thought")
    pid = store.partnership_id
    store.close()
    yield library, pid


def test_the_read_ahead_brings_what_the_first_screen_shows(
    notebook: tuple[Library, str], data_dir: Path
) -> None:
    _, pid = notebook
    assert read_ahead(data_dir) == {
        "listed": [[pid, "Ana & Ben", "Ben"]],
        "shown": pid,
        "title": "Ana & Ben",
        "goals": [["Delegate the budget review", 0, 1]],
        "open_steps": ["Ask Ben for the figures"],
        "notes": 1,
    }


def test_it_gives_up_on_a_key_change_to_settle_and_leaves_it_for_the_window(
    notebook: tuple[Library, str], data_dir: Path
) -> None:
    library, _ = notebook
    descriptor = library.descriptors()[0]
    marker = descriptor.folder / f".{descriptor.notebook_id}.key-pending"
    marker.write_bytes(b"")
    before = file_digests(data_dir)
    assert read_ahead(data_dir) is None
    assert file_digests(data_dir) == before  # nothing settled, nothing written: the window tells


def test_it_gives_up_on_a_passphrase_notebook(secret_service: dict[str, str], data_dir: Path) -> None:
    library = Library(data_dir, OsKeyStore())
    library.create("Ana", "Ben", "Ana & Ben", passphrase="correct horse battery staple").store.close()
    assert read_ahead(data_dir) is None


def test_it_gives_up_without_notebooks_or_with_another_keyring(
    notebook: tuple[Library, str], data_dir: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert read_ahead(empty) is None
    # A keyring chosen by hand is keyring's to ask: the window reads it, never the child.
    chosen = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    assert read_ahead(data_dir, chosen) is None


def test_a_locked_keyring_is_left_for_the_window_to_unlock(tmp_path: Path) -> None:
    with private_secret_service(tmp_path / "own-keyring") as env:
        child_env = {**os.environ, **env}
        child_env.pop("PYTHON_KEYRING_BACKEND", None)
        make = (
            "import sys; from pathlib import Path; from peercoach_desktop.vault.keystore import OsKeyStore;"
            "from peercoach_desktop.vault.library import Library;"
            "Library(Path(sys.argv[1]), OsKeyStore()).create('Ana', 'Ben', 'Ana & Ben').store.close()"
        )
        data = tmp_path / "data-locked"
        subprocess.run([sys.executable, "-c", make, str(data)], env=child_env, check=True, timeout=60)
        lock = (
            "import secretstorage; c = secretstorage.get_default_collection(secretstorage.dbus_init());"
            "c.lock(); print(c.is_locked())"
        )
        assert (
            subprocess.run(
                [sys.executable, "-c", lock], env=child_env, capture_output=True, text=True, timeout=60
            ).stdout.strip()
            == "True"
        )
        assert read_ahead(data, child_env) is None
        still = lock.replace("c.lock(); ", "")
        assert (
            subprocess.run(
                [sys.executable, "-c", still], env=child_env, capture_output=True, text=True, timeout=60
            ).stdout.strip()
            == "True"
        )  # nobody asked the user to unlock it


class Exploit:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("touch pwned",))


@pytest.mark.parametrize("payload", ["other classes", "too much"])
def test_the_window_takes_nothing_but_a_first_screen_from_the_pipe(
    payload: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    data = pickle.dumps(Exploit()) if payload == "other classes" else b"x" * (LIMIT + 1)
    sender = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdout.buffer.write(sys.stdin.buffer.read())"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert sender.stdin is not None and sender.stdout is not None
    screen_in = os.dup(sender.stdout.fileno())
    sender.stdout.close()
    os.set_blocking(screen_in, False)
    _, folder_out = os.pipe()
    reader = ReadAhead(sender.pid, folder_out, screen_in)
    sender.stdin.write(data)
    sender.stdin.close()
    while not reader.read_available():
        import select

        select.select([screen_in], [], [], 10)
    assert reader.result() is None
    assert not (tmp_path / "pwned").exists()


def test_a_read_ahead_no_one_needs_is_stopped() -> None:
    script = (
        "import os; from peercoach_desktop.vault import first_screen;"
        "r = first_screen.start(); r.cancel();"
        "print(os.path.exists(f'/proc/{r.pid}'))"
    )
    insist = {**os.environ, "PEERCOACH_READ_AHEAD": "1"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, env=insist
    )
    assert done.stdout.strip() == "False", done.stderr  # killed and reaped: no zombie left


def test_the_app_shows_the_read_ahead_first_screen(notebook: tuple[Library, str], data_dir: Path) -> None:
    app = [sys.executable, "-m", "peercoach_desktop.app", "--data-dir", str(data_dir), "--check-startup"]
    insist = {**os.environ, "PEERCOACH_READ_AHEAD": "1"}  # even on a busy machine: see start()
    ahead = subprocess.run(app, capture_output=True, text=True, timeout=120, env=insist)
    assert ahead.returncode == 0, ahead.stderr[-1500:]
    assert ahead.stdout.strip().endswith("1 notebook(s) open, 0 locked, first screen read ahead")
    here = subprocess.run(
        app, capture_output=True, text=True, timeout=120, env={**os.environ, "PEERCOACH_READ_AHEAD": "0"}
    )
    assert here.stdout.strip().endswith("1 notebook(s) open, 0 locked, first screen opened here"), here.stderr


# ----- the window's side ----------------------------------------------------------------------

CHILD = """
import os, pickle, sys
from pathlib import Path
from peercoach_desktop.vault.workspace import read_first_screen
screen = read_first_screen(Path(sys.argv[1]))
os.write(int(sys.argv[2]), pickle.dumps(screen))
"""


def reader_for(data: Path | None, *, insisted: bool = True) -> tuple[ReadAhead, subprocess.Popen[bytes]]:
    """A read-ahead of the real data, from a child process (this one has Qt: no fork here);
    data None: a child that does not answer for a long while."""
    screen_in, screen_out = os.pipe()
    if data is None:
        command = [sys.executable, "-c", "import time; time.sleep(60)"]
    else:
        command = [sys.executable, "-c", CHILD, str(data), str(screen_out)]
    child = subprocess.Popen(command, pass_fds=(screen_out,))
    os.close(screen_out)
    os.set_blocking(screen_in, False)
    _, folder_out = os.pipe()
    return ReadAhead(child.pid, folder_out, screen_in, insisted=insisted), child


def shows(window: MainWindow, words: str) -> bool:
    return window.built and words in window.notebook.overview.toPlainText()


def started_window(qtbot: QtBot, library: Library, reader: ReadAhead) -> MainWindow:
    window = MainWindow(lambda: Library(library.data_dir, OsKeyStore()), Preferences())
    qtbot.addWidget(window)
    window.show()
    window.load_after_first_paint(reader)
    return window


def test_the_window_shows_the_read_ahead_then_opens_the_notebook_behind_it(
    qtbot: QtBot, notebook: tuple[Library, str]
) -> None:
    library, pid = notebook
    window = started_window(qtbot, library, reader_for(library.data_dir)[0])
    qtbot.waitUntil(lambda: shows(window, "Delegate the budget review"), timeout=20000)
    assert window.first_screen_read_ahead
    assert window.windowTitle().startswith("Ana & Ben")
    assert window.partnerships.currentItem().text().startswith("Ana & Ben")
    window.notebook.setCurrentWidget(window.notebook.notes)  # a tab opened before the notebook is
    qtbot.waitUntil(lambda: window.access.workspace is not None and window.tasks.pending == 0, timeout=20000)
    qtbot.waitUntil(lambda: window.notebook.notes.model.rowCount() == 1, timeout=5000)  # filled once open
    assert "Delegate the budget review" in window.notebook.overview.toPlainText()
    assert window.access.partnership_id == pid
    notes = window.notebook.notes
    notes.new_note()  # the notebook is open for writing: a note typed now is kept
    qtbot.keyClicks(notes.editor, "A second thought")
    notes.flush()
    qtbot.waitUntil(lambda: notes.model.rowCount() == 2, timeout=5000)


def test_a_lock_before_the_read_ahead_answers_shows_nothing_until_unlocked(
    qtbot: QtBot, notebook: tuple[Library, str]
) -> None:
    library, _ = notebook
    reader, _ = reader_for(library.data_dir)
    window = started_window(qtbot, library, reader)
    qtbot.waitExposed(window)
    window.lock()
    qtbot.waitUntil(lambda: reader.done, timeout=20000)
    qtbot.waitUntil(lambda: window.tasks.pending == 0, timeout=5000)
    assert window.pages.currentWidget() is window.lock_page
    assert window.access.partnership_id is None
    assert not window.built or "Delegate" not in window.notebook.overview.toPlainText()
    window.unlock()
    qtbot.waitUntil(lambda: shows(window, "Delegate the budget review"), timeout=20000)


def test_a_read_ahead_that_is_late_is_stopped_and_the_window_opens_the_notebook(
    qtbot: QtBot, notebook: tuple[Library, str]
) -> None:
    library, pid = notebook
    reader, child = reader_for(None, insisted=False)  # a busy machine: no answer in time
    window = started_window(qtbot, library, reader)
    qtbot.waitUntil(lambda: shows(window, "Delegate the budget review"), timeout=20000)
    assert not window.first_screen_read_ahead
    assert window.access.partnership_id == pid
    assert not Path(f"/proc/{child.pid}").exists()  # stopped and reaped, not left running beside it
