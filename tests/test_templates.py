"""Protocol templates: every bundled file validates; a broken one is refused with the file
and field named."""

from __future__ import annotations

from pathlib import Path

import pytest

from peercoach_desktop.core.templates import TemplateError, load_builtin, parse

HEAD = 'id = "broken"\nname = "x"\ndescription = "y"\n'
PHASE = '[[phase]]\nname = "Talk"\n'
CATEGORIES = {"feedback", "goals_next_steps", "curious_stance", "active_listening", "reflective_mirror"}


def test_every_bundled_template_validates() -> None:
    templates = load_builtin()
    assert templates[0].id == "peer-coaching"  # the default comes first
    assert {t.id for t in templates} == {"peer-coaching", "grow", "consultancy", "quick-check-in"}
    grow = next(t for t in templates if t.id == "grow")
    assert [p.name for p in grow.phases if p.speaker == "a"] == [
        "A: Goal",
        "A: Reality",
        "A: Options",
        "A: Will",
    ]
    quick = next(t for t in templates if t.id == "quick-check-in")
    assert [p.minutes for p in quick.phases if p.speaker != "both"] == [10, 10]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (HEAD, "at least one \\[\\[phase\\]\\]"),
        ('id = "other"\nname = "x"\ndescription = "y"\n', "'id' must be the file's name"),
        (
            HEAD + PHASE + 'minutes = 90\nspeaker = "a"\n',
            "phase 1 \\(Talk\\): 'minutes' must be a whole number from 1 to 60",
        ),
        (
            HEAD + PHASE + 'minutes = 5\nspeaker = "c"\n',
            "'speaker' must be one of a, b, both",
        ),
        (
            HEAD + PHASE + 'minutes = 5\nspeaker = "a"\nprompts = ["no-such"]\n',
            "unknown prompt category 'no-such'",
        ),
        ("id = [", "not a readable TOML file"),
    ],
)
def test_a_broken_template_names_the_file_and_field(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(TemplateError, match=f"^broken.toml: .*{message}" if message[0] != "'" else message):
        parse(path, CATEGORIES)
