"""A summary's own words in the interface's language, for the summary dialog and the Sessions tab
(coaching.summary.Words holds the English the command line keeps)."""

from __future__ import annotations

from peercoach_desktop.coaching import summary
from peercoach_desktop.ui.infra.i18n import translate


def summary_words() -> summary.Words:
    """The summary's own words in the interface's language (core.summary.Words has the English)."""
    return summary.Words(
        title=translate("SummaryText", "{title}: session summary"),
        includes_private=translate("SummaryText", "Includes private notes of the person who exported it."),
        time_per_speaker=translate("SummaryText", "Time per speaker:"),
        time_per_phase=translate("SummaryText", "Time per phase:"),
        minutes=translate("SummaryText", "{m} min {s} s"),
        goals_touched=translate("SummaryText", "Goals touched"),
        goal=translate("SummaryText", "{title} ({owner}, {progress}%)"),
        feedback=translate("SummaryText", "Feedback"),
        feedback_line=translate("SummaryText", "{giver} to {receiver}: {parts}"),
        situation=translate("SummaryText", "situation: {text}"),
        behaviour=translate("SummaryText", "behaviour: {text}"),
        impact=translate("SummaryText", "impact: {text}"),
        not_held=translate("SummaryText", "Not held: no time was spoken."),
        steps_set=translate("SummaryText", "Next steps set"),
        steps_reviewed=translate("SummaryText", "Next steps reviewed"),
        step=translate("SummaryText", "{text} ({owner}, due {due}, {status})"),
        status={
            "open": translate("SummaryText", "open"),
            "done": translate("SummaryText", "done"),
            "dropped": translate("SummaryText", "dropped"),
        },
        notes=translate("SummaryText", "Notes"),
        private=translate("SummaryText", "private"),
    )
