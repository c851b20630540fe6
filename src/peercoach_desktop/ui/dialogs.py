"""Dialogs. They are opened with open(), never exec(), so tests can fill them in."""

from __future__ import annotations

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

from peercoach_desktop.core.errors import KeyringError, PeerCoachError
from peercoach_desktop.core.passphrase import MIN_PASSPHRASE_CHARS


def _named(widget: QWidget, name: str) -> QWidget:
    widget.setObjectName(name)
    widget.setAccessibleName(name.replace("_", " "))
    return widget


class NewPartnershipDialog(QDialog):
    """Names and a title; a passphrase instead of the keyring when the user (or a missing
    keyring) asks for it."""

    def __init__(self, parent: QWidget | None = None, *, keyring_problem: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New partnership")
        self.me = _named(QLineEdit(), "your_name")
        self.partner = _named(QLineEdit(), "partner_name")
        self.title = _named(QLineEdit(), "partnership_title")
        self.title.setPlaceholderText("optional, e.g. Leadership circle")
        form = QFormLayout()
        form.addRow("&Your name", self.me)
        form.addRow("&Partner's name", self.partner)
        form.addRow("&Title", self.title)
        self.use_passphrase = _named(
            QCheckBox("Protect with a &passphrase instead of the keyring"), "use_passphrase"
        )
        self.passphrase = _named(QLineEdit(), "passphrase")
        self.repeat = _named(QLineEdit(), "repeat_passphrase")
        for field in (self.passphrase, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.use_passphrase)
        form.addRow("P&assphrase", self.passphrase)
        form.addRow("&Repeat it", self.repeat)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Each partnership gets its own encrypted notebook on this laptop."))
        if keyring_problem:
            warning = _named(QLabel(f"{keyring_problem}\n\n{PASSPHRASE_OFFER}"), "keyring_problem")
            warning.setWordWrap(True)
            layout.addWidget(warning)
            self.use_passphrase.setChecked(True)
        layout.addLayout(form)
        self.hint = _named(QLabel(""), "passphrase_hint")
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
            hint = "The two passphrases differ."
        elif wanted and len(self.passphrase.text()) < MIN_PASSPHRASE_CHARS:
            hint = f"A passphrase has at least {MIN_PASSPHRASE_CHARS} characters."
        self.hint.setText(hint)
        ready = bool(self.me.text().strip() and self.partner.text().strip()) and not hint
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)


class RecoveryCodeDialog(QDialog):
    """Shows the recovery code once; closing needs the 'I have stored it' tick."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Your recovery code")
        self.code = _named(QLabel(code), "recovery_code")
        self.code.setTextInteractionFlags(
            self.code.textInteractionFlags() | self.code.textInteractionFlags().TextSelectableByMouse
        )
        font = self.code.font()
        font.setFamily("monospace")
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.code.setFont(font)
        self.code.setWordWrap(True)
        copy = _named(QPushButton("&Copy"), "copy_recovery_code")
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(code))
        self.stored = _named(QCheckBox("I have stored it somewhere safe"), "stored_confirmation")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.stored.toggled.connect(self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "This code opens the notebook on a new laptop or after the keyring is wiped.\n"
                "It is shown only now. Write it down and keep it away from this laptop."
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
        self.setWindowTitle("Unlock notebook")
        self.passphrase = _named(QLineEdit(), "unlock_passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Unlock")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(label))
        layout.addWidget(self.passphrase)
        layout.addWidget(buttons)


PASSPHRASE_OFFER = (
    "You can still keep this notebook encrypted: protect it with a passphrase that you type "
    "each time you unlock it. Nothing is written to disk unencrypted."
)
NO_KEYRING_HINT = (
    "Without a secure keyring, use a passphrase-protected notebook (peercoach new --passphrase)."
)


def error_text(error: BaseException) -> str:
    if isinstance(error, KeyringError):
        return f"{error}\n\n{NO_KEYRING_HINT}"
    if isinstance(error, PeerCoachError):
        return str(error)
    return f"Something went wrong ({type(error).__name__}). Your notebook was not changed by this error."


def tell(parent: QWidget, text: str, name: str) -> QMessageBox:
    """A short message the user reads and closes; kept as parent.<name> for tests."""
    box = QMessageBox(QMessageBox.Icon.Information, "PeerCoach Desktop", text, parent=parent)
    box.setObjectName(name)
    box.open()
    setattr(parent, name, box)
    return box


def show_error(parent: QWidget, error: BaseException) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning, "PeerCoach Desktop", error_text(error), parent=parent)
    box.setObjectName("error_message")
    box.open()
    return box
