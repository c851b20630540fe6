"""Dialogs. They are opened with open(), never exec(), so tests can fill them in."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peercoach_desktop import APP_NAME
from peercoach_desktop.domain.errors import KeyringError, PeerCoachError, Term
from peercoach_desktop.ui.infra.i18n import QT_TRANSLATE_NOOP, translate
from peercoach_desktop.vault.passphrase import MIN_PASSPHRASE_CHARS


def _named(widget: QWidget, name: str, accessible: str) -> QWidget:
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    return widget


class NewPartnershipDialog(QDialog):
    """Names and a title; a passphrase instead of the keyring when the user (or a missing
    keyring) asks for it."""

    def __init__(self, parent: QWidget | None = None, *, keyring_problem: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Dialogs", "New partnership"))
        self.me = _named(QLineEdit(), "your_name", translate("Dialogs", "Your name"))
        self.partner = _named(QLineEdit(), "partner_name", translate("Dialogs", "Partner's name"))
        self.title = _named(QLineEdit(), "partnership_title", translate("Dialogs", "Title"))
        self.title.setPlaceholderText(translate("Dialogs", "optional, e.g. Leadership circle"))
        form = QFormLayout()
        form.addRow(translate("Dialogs", "&Your name"), self.me)
        form.addRow(translate("Dialogs", "&Partner's name"), self.partner)
        form.addRow(translate("Dialogs", "&Title"), self.title)
        self.use_passphrase = _named(
            QCheckBox(translate("Dialogs", "Protect with a &passphrase instead of the keyring")),
            "use_passphrase",
            translate("Dialogs", "Protect with a passphrase instead of the keyring"),
        )
        self.passphrase = _named(QLineEdit(), "passphrase", translate("Dialogs", "Passphrase"))
        self.repeat = _named(QLineEdit(), "repeat_passphrase", translate("Dialogs", "Repeat the passphrase"))
        for field in (self.passphrase, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.use_passphrase)
        form.addRow(translate("Dialogs", "P&assphrase"), self.passphrase)
        form.addRow(translate("Dialogs", "&Repeat it"), self.repeat)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Dialogs", "Create"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(translate("Dialogs", "Each partnership gets its own encrypted notebook on this laptop."))
        )
        if keyring_problem:
            warning = _named(
                QLabel(f"{keyring_problem}\n\n{translate('Dialogs', PASSPHRASE_OFFER)}"),
                "keyring_problem",
                translate("Dialogs", "The keyring is not available"),
            )
            warning.setWordWrap(True)
            layout.addWidget(warning)
            self.use_passphrase.setChecked(True)
        layout.addLayout(form)
        self.hint = _named(QLabel(""), "passphrase_hint", translate("Dialogs", "Passphrase hint"))
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        for field in (self.me, self.partner, self.passphrase, self.repeat):
            field.textChanged.connect(self._update)
        self.use_passphrase.toggled.connect(self._update)
        self._update()

    def chosen_passphrase(self) -> str | None:
        return self.passphrase.text() if self.use_passphrase.isChecked() else None

    def _update(self) -> None:
        wanted = self.use_passphrase.isChecked()
        for field in (self.passphrase, self.repeat):
            field.setEnabled(wanted)
        hint = ""
        if wanted and self.passphrase.text() != self.repeat.text():
            hint = translate("Dialogs", "The two passphrases differ.")
        elif wanted and len(self.passphrase.text()) < MIN_PASSPHRASE_CHARS:
            hint = translate("Dialogs", "A passphrase has at least {n} characters.").format(
                n=MIN_PASSPHRASE_CHARS
            )
        self.hint.setText(hint)
        ready = bool(self.me.text().strip() and self.partner.text().strip()) and not hint
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)


class RecoveryCodeDialog(QDialog):
    """Shows the recovery code once; closing needs the 'I have stored it' tick."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Dialogs", "Your recovery code"))
        self.code = _named(QLabel(code), "recovery_code", translate("Dialogs", "Recovery code"))
        self.code.setTextInteractionFlags(
            self.code.textInteractionFlags() | self.code.textInteractionFlags().TextSelectableByMouse
        )
        font = self.code.font()
        font.setFamily("monospace")
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.code.setFont(font)
        self.code.setWordWrap(True)
        copy = _named(
            QPushButton(translate("Dialogs", "&Copy")),
            "copy_recovery_code",
            translate("Dialogs", "Copy the recovery code"),
        )
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(code))
        self.stored = _named(
            QCheckBox(translate("Dialogs", "I have &stored it somewhere safe")),
            "stored_confirmation",
            translate("Dialogs", "I have stored it somewhere safe"),
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.stored.toggled.connect(self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                translate(
                    "Dialogs",
                    "This code opens the notebook on a new laptop or after the keyring is wiped.\n"
                    "It is shown only now. Write it down and keep it away from this laptop.",
                )
            )
        )
        layout.addWidget(self.code)
        layout.addWidget(copy)
        layout.addWidget(self.stored)
        layout.addWidget(self.buttons)

    def reject(self) -> None:  # Esc must not skip the confirmation
        if self.stored.isChecked():
            super().reject()


class PassphraseDialog(QDialog):
    """Asks for one notebook's passphrase; the text never leaves this dialog except to open it."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Dialogs", "Unlock notebook"))
        self.passphrase = _named(QLineEdit(), "unlock_passphrase", translate("Dialogs", "Passphrase"))
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Dialogs", "Unlock"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(label))
        layout.addWidget(self.passphrase)
        layout.addWidget(buttons)


PASSPHRASE_OFFER = QT_TRANSLATE_NOOP(
    "Dialogs",
    "You can still keep this notebook encrypted: protect it with a passphrase that you type "
    "each time you unlock it. Nothing is written to disk unencrypted.",
)
NO_KEYRING_HINT = QT_TRANSLATE_NOOP(
    "Dialogs",
    "Without a secure keyring, use a passphrase-protected notebook (peercoach new --passphrase).",
)


def message_text(error: PeerCoachError) -> str:
    """A core error's sentence in the interface's language: its English template translated in
    context "Core" (core/errors.py), with its values; str(error) if a translation lost a field."""
    fields = {
        name: translate("Core", value) if isinstance(value, Term) else value
        for name, value in error.fields.items()
    }
    try:
        text = translate("Core", error.template)
        return text.format(**fields) if fields else text
    except (KeyError, IndexError, ValueError):
        return str(error)


def error_text(error: BaseException) -> str:
    # Imported here: SQLite's module is not needed to paint the first window.
    from peercoach_desktop.storage.storage_errors import explain

    error = explain(error) or error  # a full disk, an I/O error, a damaged page: their sentence
    if isinstance(error, KeyringError):
        return f"{message_text(error)}\n\n{translate('Dialogs', NO_KEYRING_HINT)}"
    if isinstance(error, PeerCoachError):
        return message_text(error)
    return translate(
        "Dialogs", "Something went wrong ({name}). Your notebook was not changed by this error."
    ).format(name=type(error).__name__)


def tell(parent: QWidget, text: str, name: str) -> QMessageBox:
    """A short message the user reads and closes, named so tests find it (window.findChild)."""
    box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, text, parent=parent)
    box.setObjectName(name)
    box.open()
    return box


def show_error(parent: QWidget, error: BaseException) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, error_text(error), parent=parent)
    box.setObjectName("error_message")
    box.open()
    return box


def ask_choice(
    parent: QWidget,
    text: str,
    choices: Sequence[tuple[str, str]],
    on_choice: Callable[[str], None],
) -> QMessageBox:
    """One question whose buttons name what each does (choices: (key, label), the last one
    cancels, is the default and answers Esc). on_choice(key) follows the click; the box is
    opened, not exec()'d, so tests click its buttons (objectName "choice_<key>")."""
    box = QMessageBox(QMessageBox.Icon.Question, APP_NAME, text, parent=parent)
    keys: dict[QPushButton, str] = {}
    for index, (key, label) in enumerate(choices):
        last = index == len(choices) - 1
        role = QMessageBox.ButtonRole.RejectRole if last else QMessageBox.ButtonRole.AcceptRole
        button = box.addButton(label, role)
        button.setObjectName(f"choice_{key}")
        keys[button] = key
        if last:  # the safe answer: Enter or Esc on the question changes nothing
            box.setDefaultButton(button)
            box.setEscapeButton(button)
    box.buttonClicked.connect(lambda button: on_choice(keys[button]) if button in keys else None)
    box.open()
    return box
