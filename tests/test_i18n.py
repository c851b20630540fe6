"""The interface in German: every text a user sees is translated (the widget tree walked), the
.ts is complete and up to date with the code, and without a .qm the app speaks English."""

from __future__ import annotations

import ast
import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from window_driver import idle, open_sample_summary

from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, KeyringError, PeerCoachError, Term
from peercoach_desktop.storage import edits
from peercoach_desktop.ui.infra import i18n
from peercoach_desktop.ui.infra.dialogs import error_text
from peercoach_desktop.ui.infra.settings import LANGUAGES, OPTIONS, Preferences
from peercoach_desktop.ui.shell.main_window import MainWindow
from peercoach_desktop.vault import keystore, recovery
from peercoach_desktop.vault.keystore import OsKeyStore
from peercoach_desktop.vault.library import Library

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "translations" / "peercoach_de.ts"
SRC = ROOT / "src" / "peercoach_desktop"
PLACEHOLDER = re.compile(r"\{[a-z_]*(?:![rsa])?(?::[^{}]*)?\}")  # str.format fields, !r and :spec too

# Widgets whose text is not ours to translate here, each with why:
EXCLUDED_NAMES = {
    "recovery_code",  # a random code, not words
    "note_editor",  # what the user typed
    "goal_title",
    "goal_why",
    "goal_success",
    "new_step_text",
}
# Words that are the same in English and German, and texts that are names.
SAME_IN_BOTH = {"ok", "feedback", "status", "person", "passphrase", "partner", "pdf", "markdown"}
USER_WORDS = {"ana", "ben", "peercoach", "desktop"}  # the peers' names and the app's name


def _sources() -> list[tuple[str, str]]:
    """(context, English text) of every translate()/QT_TRANSLATE_NOOP() with literal arguments."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            literal = all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args[:2])
            if name in ("translate", "QT_TRANSLATE_NOOP") and literal:
                found.append((node.args[0].value, node.args[1].value))
    return found


def _messages() -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(TS).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message.find("translation"))
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def _mnemonic(text: str) -> str | None:
    match = re.search(r"&([^&\s])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


# ----- the .ts itself --------------------------------------------------------------------------


def test_the_german_ts_is_complete_and_keeps_placeholders_and_mnemonics() -> None:
    messages = _messages()
    assert len(messages) > 300
    for context, source, translation in messages:
        where = f"{context}: {source!r}"
        assert translation is not None and translation.get("type") is None, f"unfinished: {where}"
        text = translation.text or ""
        assert text.strip(), f"empty translation: {where}"
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), where
        # A mnemonic stays one (German may add one where English ran out of letters).
        assert _mnemonic(source) is None or _mnemonic(text) is not None, f"mnemonic lost: {where}"


def test_the_ts_holds_exactly_the_strings_the_code_translates() -> None:
    """Run scripts/update_translations.sh (and translate) when this fails."""
    in_code = set(_sources())
    in_ts = {(context, source) for context, source, _ in _messages()}
    assert in_code - in_ts == set(), "not in the .ts: run scripts/update_translations.sh"
    assert in_ts - in_code == set(), "stale in the .ts: run scripts/update_translations.sh"


def test_the_language_preference_matches_the_languages_offered() -> None:
    assert LANGUAGES == i18n.LANGUAGES
    assert OPTIONS["language"].default == "system"
    assert i18n.choose("system", QLocale("de_AT")) == "de"
    assert i18n.choose("system", QLocale("fr_FR")) == "en"
    assert i18n.choose("en", QLocale("de_DE")) == "en"


# ----- the window in German --------------------------------------------------------------------


@pytest.fixture
def german(qapp: object) -> Iterator[None]:
    # bootstrap.sh (make test) compiles translations/*.ts; without the .qm this test must fail.
    assert i18n.qm_path("de") is not None, "no peercoach_de.qm: run scripts/bootstrap.sh test"
    assert i18n.install("de") == "de"
    yield
    i18n.install("en")


@pytest.fixture
def german_window(german: None, qtbot: QtBot, library: Library) -> MainWindow:
    win = MainWindow(library, Preferences())
    qtbot.addWidget(win)
    win.show()
    win.load()
    idle(qtbot, win)
    return win


class English:
    """Tells English text from German: the whole of an English message (a template's fixed
    parts), or any word that only our English sources use."""

    def __init__(self) -> None:
        english_words: set[str] = set()
        german_words: set[str] = set()
        self.patterns = []
        for _context, source, translation in _messages():
            english, german = source.replace("&", ""), (translation.text or "").replace("&", "")
            english_words |= _words(PLACEHOLDER.sub(" ", english))
            german_words |= _words(PLACEHOLDER.sub(" ", german))
            if english != german and re.search(r"[A-Za-z]{3}", PLACEHOLDER.sub("", english)):
                parts = [re.escape(part) for part in PLACEHOLDER.split(english)]
                self.patterns.append(re.compile("(?s)" + ".*".join(parts)))
        self.words = english_words - german_words - SAME_IN_BOTH - USER_WORDS

    def leftovers(self, text: str) -> list[str]:
        text = text.replace("&", "")
        whole = [p.pattern for p in self.patterns if p.fullmatch(text)]
        return whole + sorted(_words(text) & self.words)


def _words(text: str) -> set[str]:
    return {word.lower() for word in re.findall(r"[^\W\d_]+", text)}


def _excluded(widget: QWidget) -> bool:
    while widget is not None:
        if widget.objectName() in EXCLUDED_NAMES:
            return True
        widget = widget.parentWidget()
    return False


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text the user can see or a screen reader says under root."""
    found: list[tuple[str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if _excluded(widget) or isinstance(widget, QMenu):
            continue
        where = f"{type(widget).__name__}#{widget.objectName()}"
        texts = [
            widget.windowTitle(),
            widget.toolTip(),
            widget.accessibleName(),
            widget.accessibleDescription(),
        ]
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
            texts.append(widget.placeholderText())  # their own text is the user's
        if isinstance(widget, QTextEdit) and widget.isReadOnly():
            texts.append(widget.toPlainText())  # overview, details, diffs: ours around user words
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QAbstractSpinBox):
            texts += [widget.text(), getattr(widget, "suffix", lambda: "")()]
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            header = getattr(widget, "horizontalHeader", None)
            for column in range(header().count() if header else 1):
                texts.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
                texts += [str(model.index(r, column).data() or "") for r in range(model.rowCount())]
        found += [(where, text) for text in texts if text]
    for action in root.findChildren(QAction):
        found += [
            (f"action {action.objectName()}", text) for text in (action.text(), action.toolTip()) if text
        ]
    return found


def assert_german(root: QWidget, english: English) -> int:
    texts = visible_texts(root)
    untranslated = [(where, text, left) for where, text in texts if (left := english.leftovers(text))]
    assert untranslated == [], "\n".join(f"{w}: {t!r} ({left})" for w, t, left in untranslated)
    return len(texts)


def _mnemonics_unique(texts: list[str], where: str) -> None:
    letters = [m for m in map(_mnemonic, texts) if m]
    assert len(letters) == len(set(letters)), f"{where}: {texts}"


def test_the_window_and_its_dialogs_speak_german(qtbot: QtBot, german_window: MainWindow) -> None:
    win, english = german_window, English()
    assert QLocale().language() == QLocale.Language.German
    assert assert_german(win, english) > 10  # the welcome page and the menus

    win.new_partnership()
    dialog = win.dialogs["new_partnership_dialog"]
    assert_german(dialog, english)
    _mnemonics_unique([b.text() for b in dialog.findChildren(QAbstractButton)], "new partnership")
    qtbot.keyClicks(dialog.me, "Ana")
    qtbot.keyClicks(dialog.partner, "Ben")
    dialog.accept()
    qtbot.waitUntil(lambda: win.dialogs.is_open("recovery_code_dialog"))
    assert_german(win.dialogs["recovery_code_dialog"], english)
    win.dialogs["recovery_code_dialog"].stored.setChecked(True)
    win.dialogs["recovery_code_dialog"].accept()
    idle(qtbot, win)

    # Something in every list: a note, a goal, a step with a due date, a planned meeting.
    notebook = win.notebook
    win.findChild(QAction, "action_new_note").trigger()
    qtbot.keyClicks(notebook.notes.editor, "Kim fragen, wie es lief")
    notebook.notes.flush()
    qtbot.waitUntil(lambda: notebook.notes.model.rowCount() == 1)
    assert "Notiz · Ana" in notebook.notes.model.index(0, 0).data()  # kind and author, in German
    win.findChild(QAction, "action_new_goal").trigger()
    qtbot.waitUntil(lambda: notebook.goals.model.rowCount() == 1)
    notebook.setCurrentWidget(notebook.steps)
    notebook.steps.due.enabled.setChecked(True)
    qtbot.keyClicks(notebook.steps.text, "Kim fragen")
    notebook.steps.add_step()
    qtbot.waitUntil(lambda: notebook.steps.model.rowCount() == 1)
    notebook.setCurrentWidget(notebook.sessions)
    notebook.sessions.plan_session()
    qtbot.waitUntil(lambda: notebook.sessions.model.rowCount() == 1)
    notebook.sessions.table.selectRow(0)
    idle(qtbot, win)

    for index in range(notebook.count()):
        notebook.setCurrentIndex(index)
        idle(qtbot, win)
        assert_german(win, english)
    assert "Übersic&ht" in [notebook.tabText(i) for i in range(notebook.count())]
    menus = [action.menu() for action in win.menuBar().actions()]
    _mnemonics_unique([action.text() for action in win.menuBar().actions()], "menu bar")
    for menu in menus:
        _mnemonics_unique([action.text() for action in menu.actions()], menu.title())
    _mnemonics_unique(
        [a.text() for a in win.menuBar().actions()] + [notebook.tabText(i) for i in range(notebook.count())],
        "menu bar and tabs",
    )

    # A session in German: the protocol's stages (translated data) and every page of the runner.
    tab = notebook.session
    notebook.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.protocol.count() >= 4)
    assert tab.protocol.currentText() == "Peer-Coaching (zwei Runden)"
    tab.protocol.setCurrentIndex(tab.protocol.findData("consultancy"))
    assert_german(tab, english)
    _mnemonics_unique(
        [a.text() for a in win.menuBar().actions()]
        + [notebook.tabText(i) for i in range(notebook.count())]
        + [w.text() for w in tab.findChildren(QAbstractButton) + tab.findChildren(QLabel) if w.isVisible()],
        "run session tab, menu bar and tabs",
    )
    notebook.run_session()
    tab.start_button.click()
    qtbot.waitUntil(lambda: tab.view is not None and tab.view.state is not None)
    runner = tab.view
    assert [b.text() for b in runner.stage_bar.buttons][:2] == ["Ankommen", "Fall schildern"]
    for stage in range(len(runner.stage_bar.buttons)):
        runner.go_to(stage)
        idle(qtbot, win)
        assert_german(runner, english)
    tab.edit_protocols()
    protocols = tab.protocols_dialog
    qtbot.waitUntil(lambda: protocols.list.count() >= 4)
    protocols.copy.click()
    qtbot.waitUntil(lambda: protocols.current is not None and protocols.current.own)
    assert protocols.name.text() == "Peer-Coaching (zwei Runden) (Kopie)"
    assert_german(protocols, english)
    _mnemonics_unique(
        [w.text() for w in protocols.findChildren(QAbstractButton)]
        + [w.text() for w in protocols.findChildren(QLabel)],
        "protocols",
    )
    protocols.reject()

    notebook.setCurrentWidget(notebook.notes)
    win.open_preferences()
    prefs = win.dialogs["preferences_dialog"]
    assert_german(prefs, english)
    _mnemonics_unique([label.text() for label in prefs.findChildren(QLabel)], "preferences")
    assert prefs.language.currentData() == "system"
    prefs.reject()

    for action, attribute in (
        ("action_history_of_this_item", "history_dialog"),
        ("action_trash", "trash_dialog"),
        ("action_export_a_summary", "summary_dialog"),
        ("action_conflicts", "conflicts_dialog"),
    ):
        win.findChild(QAction, action).trigger()
        idle(qtbot, win)
        opened: QDialog = win.dialogs[attribute]
        assert_german(opened, english)
        _mnemonics_unique([b.text() for b in opened.findChildren(QAbstractButton)], attribute)
        opened.reject()
    win.findChild(QAction, "action_invite_partner").trigger()  # the file is chosen after it
    assert_german(win.dialogs["invite_dialog"], english)
    win.dialogs["invite_dialog"].reject()


def test_dates_and_numbers_follow_the_german_locale(german: None) -> None:
    from peercoach_desktop.ui.infra.widgets import local_time, month_label, short_date

    assert short_date("2027-01-12") == "12.01.27"
    assert month_label("2026-03") == "März 2026"
    assert local_time("2027-01-12T10:00:00Z").count(".") >= 3  # "Di. 12.01.27, 11:00" in Berlin
    assert i18n.percent(0.8) == "80 %"
    assert i18n.number(1234567) == "1.234.567"
    assert i18n.plural(3, "{n} Sitzung", "{n} Sitzungen") == "3 Sitzungen"


# ----- falling back to English -----------------------------------------------------------------


def test_without_a_qm_the_window_speaks_english_with_no_empty_label(
    qtbot: QtBot, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(i18n, "qm_path", lambda code: None)
    try:
        assert i18n.install("de") == "en"
        win = MainWindow(library, Preferences())
        qtbot.addWidget(win)
        win.show()
        win.load()
        idle(qtbot, win)
        assert [a.text() for a in win.menuBar().actions()] == ["&Notebook", "&Edit", "&Partner"]
        texts = [w.text() for w in [*win.findChildren(QPushButton), *win.findChildren(QLabel)]]
        assert len(texts) >= 5 and all(texts), texts
        assert "Welcome to PeerCoach Desktop" in win.welcome_page.findChild(QLabel, "welcome").text()
    finally:
        i18n.install("en")


def test_a_message_missing_from_the_qm_shows_in_english(qapp: object, tmp_path: Path) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    partial = tmp_path / "partial.ts"
    partial.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="de_DE">'
        "<context><name>Probe</name>"
        "<message><source>Done</source><translation>Erledigt</translation></message>"
        '<message><source>Open</source><translation type="unfinished"></translation></message>'
        "</context></TS>",
        encoding="utf-8",
    )
    qm = tmp_path / "partial.qm"
    lrelease = ROOT / ".venv" / "bin" / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(partial), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert i18n.translate("Probe", "Done") == "Erledigt"
        assert i18n.translate("Probe", "Open") == "Open"  # untranslated: English, not empty
        assert i18n.translate("Probe", "Missing") == "Missing"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_the_packaged_app_carries_the_compiled_translations() -> None:
    import sys

    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import pyinstaller_common as common
    finally:
        sys.path.pop(0)
    compiled = common.compiled_translations()
    assert [qm.name for qm in compiled] == ["peercoach_de.qm"]
    bundled = [Path(source) for source, _dest in common.DATAS]
    assert all(any(bundled_dir in qm.parents for bundled_dir in bundled) for qm in compiled)


@pytest.mark.parametrize(
    ("lang_env", "preference", "expected"),
    [
        ("de_DE.UTF-8", "system", "de"),
        ("C.UTF-8", "system", "en"),
        ("C.UTF-8", "de", "de"),
        ("de_AT.UTF-8", "en", "en"),
    ],
)
def test_the_app_starts_in_the_language_of_the_system_or_the_preference(
    tmp_path: Path, lang_env: str, preference: str, expected: str
) -> None:
    import os
    import sys

    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.ini").write_text(f"[preferences]\nlanguage={preference}\n", encoding="utf-8")
    env = {**os.environ, "LANG": lang_env, "LC_ALL": lang_env, "PEERCOACH_CONFIG_DIR": str(config)}
    env["PEERCOACH_EXIT_AFTER"] = "paint"
    app = [sys.executable, "-m", "peercoach_desktop.app", "--data-dir", str(tmp_path / "data")]
    done = subprocess.run(app, env=env, capture_output=True, text=True, timeout=60)
    probe = [line for line in done.stderr.splitlines() if line.startswith("peercoach-probe")]
    assert done.returncode == 0 and probe, done.stderr[-800:]
    assert probe[-1].split()[-1] == f"language={expected}"


def test_a_summary_exported_in_german_has_german_words_around_the_users(
    qtbot: QtBot, german_window: MainWindow, tmp_path: Path
) -> None:
    from test_summary import MINE

    from peercoach_desktop.ui.infra.file_choice import set_next_path

    dialog = open_sample_summary(qtbot, german_window)
    dialog.private.setChecked(True)
    qtbot.waitUntil(lambda: MINE in dialog.preview.toPlainText())
    shown = dialog.preview.toPlainText()
    assert "Zeit pro sprechender Person:" in shown and "Festgelegte nächste Schritte" in shown
    assert "Time per speaker" not in shown and "Next steps set" not in shown
    out = tmp_path / "zusammenfassung.md"
    set_next_path(str(out))
    dialog.save_md.click()
    qtbot.waitUntil(out.exists)
    assert out.read_text(encoding="utf-8").startswith("# Ana & Ben: Zusammenfassung")


# ----- core errors -----------------------------------------------------------------------------


def _core_error(call: Callable[[], object]) -> PeerCoachError:
    with pytest.raises(PeerCoachError) as caught:
        call()
    return caught.value


def test_core_errors_read_in_german_with_the_users_value(german: None) -> None:
    bad_date = _core_error(lambda: edits.parse_date("31.03.2026", "A due date"))
    assert (
        error_text(bad_date) == "Ein Fälligkeitsdatum muss ein Datum wie 2026-03-31 sein, nicht '31.03.2026'."
    )
    assert str(bad_date) == "A due date must be a date like 2026-03-31, not '31.03.2026'."  # CLI, logs

    short = _core_error(lambda: recovery.decode("ABCD-EFGH"))
    assert error_text(short) == "Ein Wiederherstellungscode hat 56 Zeichen; dieser hat 8."
    code = recovery.encode(bytes(32))
    typo = code[:-1] + ("A" if code[-1] != "A" else "B")
    assert error_text(_core_error(lambda: recovery.decode(typo))) == (
        "Der Wiederherstellungscode enthält einen Tippfehler: Seine Prüfzeichen stimmen nicht."
    )

    # A phrase the code passes as a value (a Term) is translated too, and a keyring error keeps its hint.
    keyring = KeyringError(
        QT_TRANSLATE_NOOP("Core", "The OS keyring could not {action} ({error_type}: {exc}). {fix_hint}"),
        action=Term(QT_TRANSLATE_NOOP("Core", "read a notebook key")),
        error_type="KeyringLocked",
        exc="Collection is locked",
        fix_hint=Term(keystore.FIX_HINT),
    )
    text = error_text(keyring)
    assert text.startswith(
        "Der Schlüsselbund des Systems konnte einen Notizbuch-Schlüssel nicht lesen "
        "(KeyringLocked: Collection is locked). Installieren und entsperren Sie"
    )
    assert "Ohne sicheren Schlüsselbund" in text  # the dialog's own hint, in German too


def test_core_errors_stay_english_without_a_qm(qapp: object) -> None:
    assert i18n.install("en") == "en"
    bad_date = _core_error(lambda: edits.parse_date("tomorrow", "A target date"))
    assert (
        error_text(bad_date)
        == str(bad_date)
        == "A target date must be a date like 2026-03-31, not 'tomorrow'."
    )


def test_a_translation_that_lost_a_field_shows_the_english_error(qapp: object, tmp_path: Path) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    broken = tmp_path / "broken.ts"
    broken.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="de_DE">'
        "<context><name>Core</name>"
        "<message><source>{what} cannot be empty.</source><translation>{was} fehlt.</translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    qm = tmp_path / "broken.qm"
    subprocess.run(
        [str(ROOT / ".venv" / "bin" / "pyside6-lrelease"), "-silent", str(broken), "-qm", str(qm)], check=True
    )
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        empty = _core_error(lambda: edits.require_text("  ", "A note"))
        assert error_text(empty) == "A note cannot be empty."
    finally:
        QCoreApplication.removeTranslator(translator)


def test_a_refused_keyring_is_explained_in_german(german: None, qtbot: QtBot, tmp_path: Path) -> None:
    library = Library(tmp_path, OsKeyStore(), FakeClock())  # tests have only the refused "fail" backend
    win = MainWindow(library, Preferences())
    qtbot.addWidget(win)
    win.show()
    win.load()
    idle(qtbot, win)
    win.new_partnership()
    qtbot.keyClicks(win.dialogs["new_partnership_dialog"].me, "Ana")
    qtbot.keyClicks(win.dialogs["new_partnership_dialog"].partner, "Ben")
    win.dialogs["new_partnership_dialog"].accept()
    qtbot.waitUntil(
        lambda: win.dialogs["new_partnership_dialog"].findChild(QLabel, "keyring_problem") is not None
    )
    text = win.dialogs["new_partnership_dialog"].findChild(QLabel, "keyring_problem").text()
    # The core's KeyringError, its value (the backend's name) and its hint, all in German.
    assert text.startswith(
        "Das Schlüsselbund-Backend keyring.backends.fail.Keyring würde Schlüssel ungeschützt auf der "
        "Festplatte ablegen. Installieren und entsperren Sie einen Secret-Service-Schlüsselbund"
    )
