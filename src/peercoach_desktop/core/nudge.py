"""The curious-stance nudge: spot a "Why did you…?" question and offer a gentler opening.

"Why did you…" can sound like a judgement; "Can you help me understand…?" asks for
the speaker's own context. The check is pure and cheap, so it can run on every keystroke.
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


@dataclass(frozen=True)
class Nudge:
    start: int  # where "Why did you" begins in the text
    end: int
    suggestion: str  # a rewording of that question, or the plain gentle opening


def curious_nudge(text: str) -> Nudge | None:
    """The last "Why did you…" question in the text, with a curious rewording."""
    found = None
    for match in _WHY.finditer(text):
        found = match
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
