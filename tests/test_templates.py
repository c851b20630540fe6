"""Protocol templates: every bundled file validates; a broken one is refused with the file
and field named."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_helpers import Pair, make_pair

from peercoach_desktop.coaching.catalog import available, load_builtin
from peercoach_desktop.coaching.templates import (
    Phase,
    Template,
    TemplateError,
    copy_template,
    delete_template,
    own_templates,
    parse,
    save_template,
    stages,
)
from peercoach_desktop.domain.model import SessionTemplate
from peercoach_desktop.domain.session_timer import Kind
from peercoach_desktop.sync import conflict_choice

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


@pytest.mark.parametrize(
    ("phases", "message"),
    [
        ('[[phase]]\nname = "T"\nminutes = 5\nspeaker = "a"\nkind = "lunch"\n', "'kind' must be one of"),
        (
            '[[phase]]\nname = "T"\nminutes = 5\nspeaker = "a"\n'
            '[[phase]]\nname = "C"\nminutes = 5\nspeaker = "both"\nkind = "check_in"\n',
            "check-in can only be the first phase",
        ),
        (
            '[[phase]]\nname = "N"\nminutes = 5\nspeaker = "both"\nkind = "next_steps"\n'
            '[[phase]]\nname = "T"\nminutes = 5\nspeaker = "a"\n',
            "next steps can only be the last phase",
        ),
        (
            '[[phase]]\nname = "T"\nminutes = 5\nspeaker = "a"\n'
            '[[phase]]\nname = "T"\nminutes = 5\nspeaker = "b"\n',
            "two phases are called 'T'",
        ),
    ],
)
def test_phase_kinds_and_names_are_checked(tmp_path: Path, phases: str, message: str) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(HEAD + phases, encoding="utf-8")
    with pytest.raises(TemplateError, match=message):
        parse(path, CATEGORIES)


def test_every_session_gets_a_check_in_first_and_next_steps_last() -> None:
    builtin = {t.id: t for t in load_builtin()}
    default = builtin["peer-coaching"]
    consultancy = stages(builtin["consultancy"], default)
    assert [s.kind for s in consultancy][:1] == [Kind.CHECK_IN] and consultancy[-1].kind is Kind.NEXT_STEPS
    assert [s.name for s in consultancy[1:-1]] == [p.name for p in builtin["consultancy"].phases]
    assert consultancy[3].seconds == 600 and consultancy[3].speaker == "b"
    grow = stages(
        builtin["grow"], default, turn_minutes=25
    )  # the turn-length preference is for the default only
    assert [s.name for s in grow].count("Check-in") == 1 and grow[-1].name == "Next steps"
    assert grow[2].seconds == 300
    default = stages(default, default, turn_minutes=25)
    assert [s.seconds for s in default if s.kind is Kind.TALK] == [1500, 1500]


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    made = make_pair(tmp_path)
    yield made
    made.close()


def test_users_copy_and_edit_a_template_and_it_syncs_to_the_partner(pair: Pair) -> None:
    grow = next(t for t in load_builtin() if t.id == "grow")
    copy = copy_template(pair.ana, grow)
    assert copy.own and copy.name == "GROW (per turn) (copy)" and copy.phases == grow.phases
    phases = [p.to_dict() for p in copy.phases if not p.name.startswith("B:")]
    phases[1]["minutes"] = 7
    edited = save_template(pair.ana, copy.id, "GROW, Ana only", "", phases)
    assert edited.phases[1].minutes == 7 and edited.description == "GROW, Ana only"
    with pytest.raises(TemplateError, match="phase 2 \\(A: Goal\\): 'minutes' must be"):
        save_template(pair.ana, copy.id, "Bad", "", [phases[0], phases[1] | {"minutes": 0}])
    assert own_templates(pair.ana)[0] == [edited]  # a refused edit changes nothing

    pair.send(pair.ana, pair.ben)
    [ben_copy], problems = own_templates(pair.ben)
    assert problems == [] and ben_copy.phases == edited.phases and ben_copy.name == "GROW, Ana only"
    assert [t.id for t in available(pair.ben)[0]][:1] == ["peer-coaching"]

    delete_template(pair.ben, ben_copy.id)
    pair.send(pair.ben, pair.ana)
    assert own_templates(pair.ana) == ([], [])


def test_a_synced_template_this_app_cannot_run_is_named_not_fatal(pair: Pair) -> None:
    pair.ana.add_record(SessionTemplate, name="Odd", description="x", phases=[{"name": "Z", "minutes": 5}])
    good, problems = own_templates(pair.ana)
    assert good == [] and problems == [
        "Your template 'Odd': phase 1 (Z): 'speaker' must be one of a, b, both."
    ]


def test_a_german_session_has_german_stage_names_also_for_the_stages_added() -> None:
    german = {t.id: t for t in load_builtin("de")}
    consultancy = stages(german["consultancy"], german["peer-coaching"])
    names = [s.name for s in consultancy]
    assert names[0] == german["peer-coaching"].phases[0].name != "Check-in"
    assert names[-1] == "Nächste Schritte" and german["consultancy"].name == "Kollegiale Beratung"


def test_a_protocol_edited_on_both_laptops_is_a_conflict_not_a_second_protocol(pair: Pair) -> None:
    grow = next(t for t in load_builtin() if t.id == "grow")
    mine = copy_template(pair.ana, grow, "Our GROW")
    pair.send(pair.ana, pair.ben)
    phases = [p.to_dict() for p in mine.phases]
    save_template(pair.ana, mine.id, "Our GROW (Ana)", "", phases)
    save_template(pair.ben, mine.id, "Our GROW (Ben)", "", phases)
    pair.send(pair.ben, pair.ana)
    listed, problems = own_templates(pair.ana)
    assert problems == [] and len(listed) == 1 and listed[0].id == mine.id
    assert [c.record_id for c in conflict_choice.list_conflicts(pair.ana)] == [mine.id]


def test_an_added_stage_gets_a_name_of_its_own_in_any_language() -> None:
    default = load_builtin()[0]
    clash = Template("x", "Clash", "A talk phase called like the check-in.", (Phase("Check-in", 5, "a", ()),))
    assert [s.name for s in stages(clash, default)] == ["Check-in 2", "Check-in", "Next steps"]


def test_a_protocol_needs_a_talk_phase_with_a_speaker(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    only_feedback = '[[phase]]\nname = "F"\nminutes = 5\nspeaker = "a"\nkind = "feedback"\n'
    path.write_text(HEAD + only_feedback, encoding="utf-8")
    with pytest.raises(TemplateError, match="no talk phase gives either peer the floor"):
        parse(path, CATEGORIES)
