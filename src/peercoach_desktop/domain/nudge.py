"""The curious-stance nudge: spot a "Why did you…?" question and offer a gentler opening.

"Why did you…" can sound like a judgement; "Can you help me understand…?" asks for
the speaker's own context. The check is pure and cheap, so it can run on every keystroke.
German notes get the same: "Warum haben Sie …?" becomes "Können Sie mir helfen zu
verstehen, wie es dazu kam, dass Sie … haben?" (notes may be in either language, so
both are looked for whatever the app's language).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GENTLE_OPENING = "Can you help me understand…?"
# At the start of the text, a line or a sentence: "Why did you", "why didn't you", "Why do you".
_WHY = re.compile(
    r"(?:^|(?<=[.!?\n])\s*)\s*(why\s+(?:did|didn['’]?t|do|don['’]?t)\s+you)\b(?P<rest>[^.!?\n]*)",
    re.IGNORECASE,
)


# German: "Warum/Wieso/Weshalb" + a perfect-tense auxiliary + the pronoun, e.g. "Warum haben
# Sie gewartet" -> the auxiliary moves to the end of the reworded clause.
_WARUM = re.compile(
    r"(?:^|(?<=[.!?\n])\s*)\s*((?:warum|wieso|weshalb)\s+"
    r"(?P<aux>haben|sind|hast|bist|habt|seid)\s+(?P<who>Sie|du|ihr))\b(?P<rest>[^.!?\n]*)",
    re.IGNORECASE,
)
_ASK = {"sie": "Können Sie", "du": "Kannst du", "ihr": "Könnt ihr"}


@dataclass(frozen=True)
class Nudge:
    start: int  # where "Why did you" begins in the text
    end: int
    suggestion: str  # a rewording of that question, or the plain gentle opening


def curious_nudge(text: str) -> Nudge | None:
    """The last "Why did you…" (or "Warum haben Sie…") question in the text, with a curious rewording."""
    found = german = None
    for match in _WHY.finditer(text):
        found = match
    for match in _WARUM.finditer(text):
        german = match
    if german is not None and (found is None or german.start() > found.start()):
        return _german(german)
    if found is None:
        return None
    rest = found.group("rest").strip()
    negative = re.search(r"n['’]?t\s", found.group(1).lower()) is not None  # didn't / don't
    if rest:
        lead = "what led you not to" if negative else "what led you to"
        suggestion = f"Can you help me understand {lead} {rest}?"
    else:
        suggestion = GENTLE_OPENING
    return Nudge(found.start(1), found.end(), suggestion)


def _german(found: re.Match[str]) -> Nudge:
    who = found.group("who")
    pronoun = "Sie" if who.lower() == "sie" else who.lower()
    ask = _ASK[who.lower()]
    rest = found.group("rest").strip()
    if rest:
        aux = found.group("aux").lower()
        suggestion = f"{ask} mir helfen zu verstehen, wie es dazu kam, dass {pronoun} {rest} {aux}?"
    else:
        suggestion = f"{ask} mir helfen zu verstehen, …?"
    return Nudge(found.start(1), found.end(), suggestion)
