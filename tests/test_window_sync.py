"""Pairing and sync from the window: invite, the partner joins, import with a preview, export."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import memory_library
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from window_driver import create_partnership, idle, note_rows, write_note

from peercoach_desktop.domain.errors import PeerCoachError
from peercoach_desktop.domain.model import Note
from peercoach_desktop.sync import exchange, file_names, pairing
from peercoach_desktop.ui.infra import file_choice
from peercoach_desktop.ui.infra.file_choice import set_next_path
from peercoach_desktop.ui.session.session_widgets import set_next_answer
from peercoach_desktop.ui.shell.main_window import MainWindow
from peercoach_desktop.vault import backup, restore
from peercoach_desktop.vault.library import Library
from peercoach_desktop.vault.opener import open_notebook

PASSPHRASE = "blue heron at dawn"


def trigger(window: MainWindow, name: str) -> None:
    """A menu item, as the user picks it."""
    action = window.findChild(QAction, f"action_{name}")
    assert action is not None and action.isEnabled(), name
    action.trigger()


def test_invite_join_import_and_export_between_two_laptops(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    create_partnership(qtbot, window)
    write_note(qtbot, window, "Ana's shared note")
    write_note(qtbot, window, "Ana's private thought")
    window.notebook.notes.private.click()
    window.notebook.flush()
    idle(qtbot, window)

    # Ana invites: the passphrase twice, then where to save
    invitation = tmp_path / "ben.pcinvite"
    set_next_path(str(invitation))
    trigger(window, "invite_partner")
    dialog = window.dialogs["invite_dialog"]
    dialog.passphrase.setText(PASSPHRASE)
    assert not dialog.buttons.buttons()[0].isEnabled()  # not repeated yet
    dialog.repeat.setText(PASSPHRASE)
    dialog.accept()
    qtbot.waitUntil(lambda: invitation.exists() and window.tasks.pending == 0, timeout=15_000)

    # Ben's laptop joins and writes a note, then exports
    ben = memory_library(tmp_path / "ben")
    joined = pairing.join(ben, invitation.read_bytes(), PASSPHRASE)
    descriptor = joined.descriptor
    with ben.open(descriptor) as store:
        assert store.me().name == "Ben" and store.partner().name == "Ana"
        # the invitation carried Ana's shared notebook, never her private note
        assert [n.body for n in store.list(Note)] == ["Ana's shared note"]
        store.add_note("Ben's reply")
        from_ben = tmp_path / "from-ben.pcsync"
        exchange.export_file(store, exchange.sync_key(ben, descriptor, store), from_ben)

    # Ana imports: a preview first, then the note is there
    set_next_path(str(from_ben))
    trigger(window, "import_from_partner")
    qtbot.waitUntil(lambda: "import_preview_dialog" in window.dialogs, timeout=15_000)
    preview = window.dialogs["import_preview_dialog"]
    assert "1 added" in preview.summary.text() and "Ben" in preview.summary.text()
    # the file changes on disk while the preview is open: what is applied is what was shown
    with ben.open(descriptor) as store:
        store.add_note("Ben's later thought")
        exchange.export_file(store, exchange.sync_key(ben, descriptor, store), from_ben)
    preview.accept()
    qtbot.waitUntil(lambda: "Ben's reply" in note_rows(window), timeout=15_000)
    idle(qtbot, window)
    assert "Ben's later thought" not in note_rows(window)

    # Ana answers and exports back: Ben gets her new shared note, never the private one
    pid = window.access.partnership_id
    window.tasks.run_and_wait(lambda: window.workspace.store(pid).add_note("Ana's answer"))
    to_ben = tmp_path / "to-ben.pcsync"
    set_next_path(str(to_ben))
    trigger(window, "export_for_partner")
    qtbot.waitUntil(lambda: to_ben.exists() and window.tasks.pending == 0, timeout=15_000)
    assert b"private thought" not in to_ben.read_bytes()
    with ben.open(descriptor) as store:
        report = exchange.apply_import(store, to_ben, exchange.sync_key(ben, descriptor, store))
        bodies = sorted(n.body for n in store.list(Note))
    assert report.counts.added == 1
    assert bodies == ["Ana's answer", "Ana's shared note", "Ben's later thought", "Ben's reply"]


def test_a_file_for_no_notebook_here_is_one_clear_error(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    create_partnership(qtbot, window)
    stranger = memory_library(tmp_path / "stranger")
    created = stranger.create("Cleo", "Dan")
    out = tmp_path / "strange.pcsync"
    key = exchange.sync_key(stranger, created.descriptor, created.store, create=True)
    exchange.export_file(created.store, key, out)
    created.store.close()
    set_next_path(str(out))
    trigger(window, "import_from_partner")
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
    boxes = [w for w in window.findChildren(QMessageBox) if w.objectName() == "error_message"]
    assert boxes and "No notebook on this laptop" in boxes[-1].text()


def test_export_suggests_this_laptops_own_name_and_own_file_is_refused_in_words(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    create_partnership(qtbot, window)
    pid = window.access.partnership_id
    assert pid is not None
    descriptor = library.resolve(pid)
    window.tasks.run_and_wait(
        lambda: exchange.sync_key(library, descriptor, window.workspace.store(pid), create=True)
    )
    out = tmp_path / "mine.pcsync"
    set_next_path(str(out))
    trigger(window, "export_for_partner")
    qtbot.waitUntil(lambda: out.exists() and window.tasks.pending == 0, timeout=15_000)
    me = window.tasks.run_and_wait(lambda: window.workspace.store(pid).me_id)
    assert file_choice.last_suggested[0] == file_names.sync_file_name(pid, me, descriptor.notebook_id)

    set_next_path(str(out))
    trigger(window, "import_from_partner")
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
    boxes = [w for w in window.findChildren(QMessageBox) if w.objectName() == "error_message"]
    assert boxes and boxes[-1].text() == "This is your own sync file; nothing to import."
    assert "import_preview_dialog" not in window.dialogs


def test_backup_and_key_change_from_the_notebook_menu(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    create_partnership(qtbot, window)
    first_code = window.dialogs["recovery_code_dialog"].code.text()
    write_note(qtbot, window, "kept through the key change")
    window.notebook.flush()
    idle(qtbot, window)

    out = tmp_path / "backup.pcnb"
    set_next_path(str(out))
    trigger(window, "back_up_now")
    qtbot.waitUntil(lambda: "safety_message" in window.dialogs)
    other_laptop = memory_library(tmp_path / "other")
    restored = restore.restore(other_laptop, out, first_code)  # the backup opens with the code alone
    with other_laptop.open(restored.descriptor) as store:
        assert [n.body for n in store.list(Note)] == ["kept through the key change"]

    set_next_answer(True)
    trigger(window, "change_the_key")
    qtbot.waitUntil(lambda: window.dialogs["recovery_code_dialog"].code.text() != first_code, timeout=15_000)
    new_code = window.dialogs["recovery_code_dialog"].code.text()
    qtbot.waitUntil(lambda: "kept through the key change" in note_rows(window))
    descriptor = library.descriptors()[0]
    window.close()
    with pytest.raises(PeerCoachError):
        library.recover(descriptor, first_code)  # the old code no longer opens it
    with library.recover(descriptor, new_code) as store:
        assert [n.body for n in store.list(Note)] == ["kept through the key change"]


def test_the_days_backup_is_taken_once_the_notebook_shows(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    create_partnership(qtbot, window)
    descriptor = library.descriptors()[0]
    qtbot.waitUntil(lambda: len(backup.daily_backups(library, descriptor)) == 1)
    window.lock()
    backup.daily_backups(library, descriptor)[0].unlink()  # as if a new day had begun
    window.unlock()  # opening does not wait for the backup…
    qtbot.waitUntil(lambda: len(backup.daily_backups(library, descriptor)) == 1)  # …it follows


def test_restoring_a_backup_from_the_window_asks_before_touching_the_notebook_here(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    create_partnership(qtbot, window)
    code = window.dialogs["recovery_code_dialog"].code.text()
    original = library.descriptors()[0].partnership_id
    write_note(qtbot, window, "in the backup")
    window.notebook.flush()
    idle(qtbot, window)
    out = tmp_path / "backup.pcnb"
    set_next_path(str(out))
    trigger(window, "back_up_now")
    qtbot.waitUntil(lambda: "safety_message" in window.dialogs)
    window.dialogs["safety_message"].accept()  # "Backup saved to …"
    write_note(qtbot, window, "written after the backup")
    window.notebook.flush()
    idle(qtbot, window)

    def restore_with(choice: str) -> None:
        set_next_path(str(out))
        trigger(window, "restore_a_backup")
        qtbot.waitUntil(lambda: window.dialogs.is_open("restore_code_dialog"))
        window.dialogs["restore_code_dialog"].code.setText(code)
        window.dialogs["restore_code_dialog"].accept()
        # One question, its buttons named by what they do (not two Yes/No questions in a row)
        qtbot.waitUntil(lambda: window.dialogs.is_open("restore_choice"))
        question = window.dialogs["restore_choice"]
        assert isinstance(question, QMessageBox)
        labels = [b.text().replace("&", "") for b in question.buttons()]
        assert sorted(labels) == ["Cancel", "Keep both", "Replace"]
        assert question.defaultButton().text() == "Cancel"  # Enter changes nothing
        question.findChild(QPushButton, f"choice_{choice}").click()
        idle(qtbot, window)

    restore_with("cancel")  # nothing changes
    assert len(library.descriptors()) == 1
    assert sorted(note_rows(window)) == ["in the backup", "written after the backup"]

    restore_with("both")  # beside: a second notebook, the first untouched
    qtbot.waitUntil(lambda: len(library.descriptors()) == 2)
    qtbot.waitUntil(lambda: window.partnerships.count() == 2)
    assert any("restored" in window.partnerships.item(i).text() for i in range(2))

    restore_with("replace")  # replace: the notebook here becomes the backup's
    qtbot.waitUntil(
        lambda: "safety_message" in window.dialogs and "replaced" in window.dialogs["safety_message"].text()
    )
    here = next(d for d in library.descriptors() if d.partnership_id == original)
    with open_notebook(library, here) as store:
        assert [n.body for n in store.list(Note)] == ["in the backup"]
    assert list((library.backups_dir / "replaced").iterdir())  # the notebook it replaced, kept
    window.show_partnership(original)  # the replaced notebook opens again in the window
    qtbot.waitUntil(lambda: note_rows(window) == ["in the backup"])


def test_conflicts_say_both_laptops_agree_only_once_the_partner_has_synced(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from sync_helpers import make_pair

    from peercoach_desktop.ui.infra.settings import Preferences

    pair = make_pair(tmp_path)
    pair.ana.close()  # Ana's laptop: the window opens her notebook
    window = MainWindow(pair.ana_library, Preferences())
    qtbot.addWidget(window)
    window.show()
    window.load()
    idle(qtbot, window)

    def conflicts_text() -> str:
        trigger(window, "conflicts")
        dialog = window.dialogs["conflicts_dialog"]
        qtbot.waitUntil(lambda: dialog.list.count() == 1)
        text = dialog.list.item(0).text()
        dialog.reject()
        return text

    before = conflicts_text()  # Ben has joined but sent nothing yet: nothing was compared
    assert "agree" not in before and "nothing from your partner" in before

    pair.ben.add_note("Ben's first note")
    from_ben = tmp_path / "from-ben.pcsync"
    exchange.export_file(pair.ben, pair.key, from_ben)
    pair.ben.close()
    pid = window.access.partnership_id
    window.tasks.run_and_wait(lambda: exchange.apply_import(window.workspace.store(pid), from_ben, pair.key))
    assert conflicts_text() == "No conflicts: both laptops agree."
