"""The pieces of the protocols dialog that describe phases: labels for a phase's kind and
speaker, a phase as one line, a protocol's outline, what keeps edits from being saved, and
the form that edits the selected phase."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLineEdit, QSpinBox, QWidget

from peercoach_desktop.coaching import templates
from peercoach_desktop.domain.session_timer import Kind
from peercoach_desktop.ui.infra.i18n import QT_TRANSLATE_NOOP, translate
from peercoach_desktop.ui.infra.widgets import named

KIND_LABELS = {
    Kind.CHECK_IN.value: QT_TRANSLATE_NOOP("ProtocolsDialog", "Check-in (review last steps)"),
    Kind.TALK.value: QT_TRANSLATE_NOOP("ProtocolsDialog", "Talk (timed, with cues)"),
    Kind.FEEDBACK.value: QT_TRANSLATE_NOOP("ProtocolsDialog", "Feedback on the coaching"),
    Kind.NEXT_STEPS.value: QT_TRANSLATE_NOOP("ProtocolsDialog", "Next steps (ends the session)"),
}
SPEAKER_LABELS = {
    "a": QT_TRANSLATE_NOOP("ProtocolsDialog", "First speaker"),
    "b": QT_TRANSLATE_NOOP("ProtocolsDialog", "Second speaker"),
    "both": QT_TRANSLATE_NOOP("ProtocolsDialog", "Both peers"),
}
DEFAULT_PROMPTS = {
    Kind.CHECK_IN.value: ["goals_next_steps"],
    Kind.TALK.value: ["active_listening", "curious_stance", "reflective_mirror"],
    Kind.FEEDBACK.value: ["feedback"],
    Kind.NEXT_STEPS.value: ["goals_next_steps"],
}


def phase_line(phase: dict[str, Any]) -> str:
    who = translate("ProtocolsDialog", SPEAKER_LABELS.get(phase["speaker"], "?"))
    return translate("ProtocolsDialog", "{name} ({minutes} min) — {who}").format(
        name=phase["name"], minutes=phase["minutes"], who=who
    )


def outline(template: templates.Template) -> str:
    """One line a person can read before choosing: phases and minutes in all."""
    phases = [f"{p.name} {p.minutes}" for p in template.phases]
    if template.phases[0].kind != Kind.CHECK_IN.value:  # the runner adds these (core.templates.stages)
        phases.insert(0, translate("ProtocolsDialog", "check-in first"))
    if template.phases[-1].kind != Kind.NEXT_STEPS.value:
        phases.append(translate("ProtocolsDialog", "then next steps"))
    return translate("ProtocolsDialog", "{description} ({minutes} min: {phases})").format(
        description=template.description, minutes=template.minutes, phases=" · ".join(phases)
    )


def edit_problem(name: str, phases: list[dict[str, Any]]) -> str | None:
    """What keeps these edits from being saved, in the interface's language; None if nothing.
    The form can only make these mistakes (minutes, kind and speaker come from lists);
    core.templates checks everything again, for synced protocols too."""
    names = [str(p["name"]).strip() for p in phases]
    kinds = [p.get("kind", Kind.TALK.value) for p in phases]
    if not name.strip():
        return translate("ProtocolsDialog", "The protocol needs a name.")
    if any(not n for n in names):
        return translate("ProtocolsDialog", "Every phase needs a name.")
    twice = next((n for n in names if names.count(n) > 1), None)
    if twice is not None:
        return translate(
            "ProtocolsDialog", "Two phases are called “{name}”: each needs its own name."
        ).format(name=twice)
    if Kind.CHECK_IN.value in kinds[1:]:
        return translate("ProtocolsDialog", "The check-in can only be the first phase.")
    if Kind.NEXT_STEPS.value in kinds[:-1]:
        return translate("ProtocolsDialog", "Next steps can only be the last phase.")
    if not any(
        p["speaker"] in ("a", "b") and k == Kind.TALK.value for p, k in zip(phases, kinds, strict=True)
    ):
        return translate("ProtocolsDialog", "At least one talk phase needs a speaker (first or second).")
    if len(phases) > templates.MAX_PHASES:
        return translate("ProtocolsDialog", "A protocol has at most {n} phases.").format(
            n=templates.MAX_PHASES
        )
    return None


class PhaseForm(QGroupBox):
    """The selected phase's fields; every change is reported at once."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("ProtocolsDialog", "Selected phase"), parent)
        self.name = named(QLineEdit(), "phase_name", translate("ProtocolsDialog", "Phase name"))
        self.kind = named(QComboBox(), "phase_kind", translate("ProtocolsDialog", "What the phase is for"))
        for value, label in KIND_LABELS.items():
            self.kind.addItem(translate("ProtocolsDialog", label), value)
        self.speaker = named(QComboBox(), "phase_speaker", translate("ProtocolsDialog", "Who speaks"))
        for value, label in SPEAKER_LABELS.items():
            self.speaker.addItem(translate("ProtocolsDialog", label), value)
        self.minutes = named(QSpinBox(), "phase_minutes", translate("ProtocolsDialog", "Minutes"))
        self.minutes.setRange(1, 60)
        self.minutes.setSuffix(translate("ProtocolsDialog", " min"))
        form = QFormLayout(self)
        form.addRow(translate("ProtocolsDialog", "&Name"), self.name)
        form.addRow(translate("ProtocolsDialog", "&Kind"), self.kind)
        form.addRow(translate("ProtocolsDialog", "Wh&o speaks"), self.speaker)
        form.addRow(translate("ProtocolsDialog", "M&inutes"), self.minutes)
        self.name.textEdited.connect(self.edited)
        self.kind.activated.connect(self.edited)
        self.speaker.activated.connect(self.edited)
        self.minutes.valueChanged.connect(self.edited)

    def show_phase(self, phase: dict[str, Any] | None) -> None:
        for widget in (self.name, self.kind, self.speaker, self.minutes):
            widget.blockSignals(True)
        self.setEnabled(phase is not None)
        phase = phase or {"name": "", "kind": "talk", "speaker": "a", "minutes": 5}
        self.name.setText(phase["name"])
        self.kind.setCurrentIndex(max(0, self.kind.findData(phase.get("kind", "talk"))))
        self.speaker.setCurrentIndex(max(0, self.speaker.findData(phase["speaker"])))
        self.minutes.setValue(int(phase["minutes"]))
        for widget in (self.name, self.kind, self.speaker, self.minutes):
            widget.blockSignals(False)

    def read_into(self, phase: dict[str, Any]) -> None:
        kind = self.kind.currentData()
        if kind != phase.get("kind"):
            phase["prompts"] = list(DEFAULT_PROMPTS[kind])  # prompts that suit the new kind
        phase.update(
            name=self.name.text(), kind=kind, speaker=self.speaker.currentData(), minutes=self.minutes.value()
        )
