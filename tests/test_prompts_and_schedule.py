"""The prompt library files and the curious-stance nudge (the schedule: test_meeting_schedule.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import memory_library

from peercoach_desktop.coaching import prompts
from peercoach_desktop.coaching.prompts import PromptLibraryError
from peercoach_desktop.domain.errors import UsageError
from peercoach_desktop.domain.nudge import GENTLE_OPENING, curious_nudge
from peercoach_desktop.domain.session_timer import Kind, Stage, classic_stages
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.system.resources import resource_path

CATEGORIES = {
    "active_listening",
    "curious_stance",
    "reflective_mirror",
    "goals_next_steps",
    "feedback",
    "boundaries",
    "topics_early_career",
    "topics_mid_career",
    "topics_late_career",
}


CLASSIC = classic_stages(900)
CHECK_IN, TURN_A, TURN_B, FEEDBACK, _ = CLASSIC


@pytest.fixture
def store(data_dir: Path) -> NotebookStore:
    created = memory_library(data_dir).create("Ana", "Ben")
    yield created.store
    created.store.close()


def test_the_shipped_prompt_files_are_valid_and_cover_every_phase() -> None:
    library = prompts.load_builtin()
    assert {p.category for p in library} == CATEGORIES
    assert len({p.id for p in library}) == len(library)
    for category in CATEGORIES:
        assert sum(p.category == category for p in library) >= 3
    for stage in CLASSIC:
        assert prompts.for_phase(library, stage)
    assert any("help me understand" in p.text.lower() for p in library if p.category == "curious_stance")
    assert any("professional" in p.text.lower() for p in library if p.category == "boundaries")


def write(folder: Path, name: str, body: str) -> None:
    (folder / name).write_text(body, encoding="utf-8")


GOOD = 'category = "{cat}"\n[[prompt]]\nid = "{pid}"\nphase = "{phase}"\ntext = "Ask."\nwhy = "Because."\n'


def test_a_bad_prompt_file_is_refused_with_its_name(tmp_path: Path) -> None:
    for phase in prompts.PROMPT_PHASES:
        write(
            tmp_path, f"{phase}.toml", GOOD.format(cat=phase, pid=f"p-{phase.replace('_', '-')}", phase=phase)
        )
    assert len(prompts.load_builtin(tmp_path)) == 4
    write(tmp_path, "dupe.toml", GOOD.format(cat="dupe", pid="p-turn", phase="turn"))
    with pytest.raises(PromptLibraryError, match=r"p-turn.*dupe.toml"):
        prompts.load_builtin(tmp_path)
    write(tmp_path, "dupe.toml", GOOD.format(cat="dupe", pid="p-x", phase="lunch"))
    with pytest.raises(PromptLibraryError, match="phase must be"):
        prompts.load_builtin(tmp_path)
    write(tmp_path, "dupe.toml", 'category = "dupe"\n[[prompt]]\nid = "p-y"\ntext = "no why"\n')
    with pytest.raises(PromptLibraryError, match="exactly the fields"):
        prompts.load_builtin(tmp_path)
    (tmp_path / "dupe.toml").unlink()
    (tmp_path / "feedback.toml").unlink()
    with pytest.raises(PromptLibraryError, match="feedback"):
        prompts.load_builtin(tmp_path)


def test_users_add_edit_and_hide_prompts_in_the_notebook(store: NotebookStore) -> None:
    builtin = prompts.load_builtin()
    first = prompts.for_phase(builtin, FEEDBACK)[0]
    prompts.edit_prompt(store, first, "My own wording", "feedback", "mine")
    hidden = prompts.for_phase(builtin, FEEDBACK)[1]
    prompts.hide_prompt(store, hidden)
    prompts.add_prompt(store, "What surprised you today?", "check_in", "opens up")
    library = prompts.merged(builtin, prompts.own_prompts(store))
    feedback = prompts.for_phase(library, FEEDBACK)
    assert feedback[0].text == "My own wording" and feedback[0].own
    assert hidden.id not in {p.id for p in library}
    assert "What surprised you today?" in [p.text for p in prompts.for_phase(library, CHECK_IN)]
    cards = [prompts.pick(library, TURN_A, n) for n in range(60)]
    assert len({c.id for c in cards if c}) == len(prompts.for_phase(library, TURN_B))  # "another one"
    with pytest.raises(UsageError):
        prompts.add_prompt(store, "  ", "turn")


def test_a_template_stage_offers_the_prompt_categories_it_names() -> None:
    library = prompts.load_builtin()
    reality = Stage("A: Reality", Kind.TALK, "a", 300, ("active_listening", "curious_stance"))
    offered = prompts.for_phase(library, reality)
    assert offered and {p.category for p in offered} <= {"active_listening", "curious_stance"}
    assert {p.phase for p in offered} == {"turn"}
    # A category with no prompt for this kind of stage falls back to all of the kind's prompts.
    odd = Stage("Feedback", Kind.FEEDBACK, "both", 300, ("topics_early_career",))
    assert prompts.for_phase(library, odd) == [p for p in library if p.phase == "feedback"]


@pytest.mark.parametrize(
    ("typed", "suggestion"),
    [
        ("Why did you skip the meeting?", "Can you help me understand what led you to skip the meeting?"),
        ("Good point. why didn't you ask her", "Can you help me understand what led you not to ask her?"),
        ("Why did you", GENTLE_OPENING),
        (
            "Warum haben Sie so lange gewartet?",
            "Können Sie mir helfen zu verstehen, wie es dazu kam, dass Sie so lange gewartet haben?",
        ),
        (
            "Why did you go? Gut. Wieso bist du nicht hingegangen",
            "Kannst du mir helfen zu verstehen, wie es dazu kam, dass du nicht hingegangen bist?",
        ),
        ("Weshalb habt ihr", "Könnt ihr mir helfen zu verstehen, …?"),
    ],
)
def test_why_did_you_questions_get_a_curious_rewording(typed: str, suggestion: str) -> None:
    nudge = curious_nudge(typed)
    assert nudge is not None and nudge.suggestion == suggestion
    assert typed[nudge.start :].lower().startswith(("why", "warum", "wieso", "weshalb"))


@pytest.mark.parametrize(
    "typed",
    ["I asked why you stayed.", "Whyever not?", "What did you do?", "", "Warum nicht?", "Wie haben Sie"],
)
def test_other_text_gets_no_nudge(typed: str) -> None:
    assert curious_nudge(typed) is None


def test_resources_are_found_through_one_function() -> None:
    assert (resource_path("prompts") / "feedback.toml").is_file()
    assert resource_path("sounds", "cue.wav").is_file()
