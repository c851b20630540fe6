"""German prompts and templates as overlay files: complete, not stale, English where missing,
the user's own prompts untouched, and a broken overlay refused with its file and field named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from peercoach_desktop.coaching import catalog, localize, prompts
from peercoach_desktop.coaching.localize import (
    LocalizationError,
    category_title,
    localize_prompts,
    localize_template,
    overlay,
)
from peercoach_desktop.coaching.prompts import Prompt
from peercoach_desktop.system.resources import resource_path

# Words German borrows as they are; anything else identical to the English is untranslated.
SAME_IN_GERMAN = {"Feedback"}
ELLIPSIS = "…"


@pytest.fixture
def resources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of resources/ the app reads instead of the real one, for editing overlays."""
    copy = tmp_path / "resources"
    shutil.copytree(resource_path("prompts").parent, copy)
    monkeypatch.setenv("PEERCOACH_RESOURCES", str(copy))
    return copy


def english_titles() -> dict[str, str]:
    return {c: category_title(c, "en") for c in {p.category for p in prompts.load_builtin()}}


def test_every_builtin_prompt_and_category_title_has_german() -> None:
    english = prompts.load_builtin()
    german = localize_prompts(english, "de")
    assert [(p.id, p.category, p.phase) for p in german] == [(p.id, p.category, p.phase) for p in english]
    for en, de in zip(english, german, strict=True):
        assert de.text.strip() and de.why.strip(), en.id
        assert de.text != en.text and de.why != en.why, en.id
    by_id = {p.id: p for p in german}
    assert by_id["curious-help-me-understand"].text.startswith("Können Sie mir helfen zu verstehen")
    assert "Sie" in by_id["step-smallest"].text  # formal address
    for category, title in english_titles().items():
        german_title = category_title(category, "de")
        assert german_title.strip()
        assert german_title != title or title in SAME_IN_GERMAN, category
    assert category_title("goals_next_steps", "de") == "Ziele und nächste Schritte"
    assert localize.untranslated("de", english, catalog.load_builtin()) == []


def test_every_template_name_description_and_phase_has_german() -> None:
    for template in catalog.load_builtin():
        german = localize_template(template, "de")
        assert german.name != template.name and german.description != template.description, template.id
        assert german.id == template.id and german.minutes == template.minutes
        for en, de in zip(template.phases, german.phases, strict=True):
            assert de.name.strip()
            assert de.name != en.name or en.name in SAME_IN_GERMAN, (template.id, en.name)
            assert (de.minutes, de.speaker, de.prompts) == (en.minutes, en.speaker, en.prompts)
    grow = localize_template(next(t for t in catalog.load_builtin() if t.id == "grow"), "de")
    assert grow.name.startswith("GROW")
    assert [p.name for p in grow.phases if p.speaker == "a"] == [
        "A: Ziel",
        "A: Realität",
        "A: Optionen",
        "A: Wille",
    ]


def test_no_overlay_entry_names_an_id_or_phase_that_does_not_exist() -> None:
    assert localize.stale("de", prompts.load_builtin(), catalog.load_builtin()) == []


def test_a_renamed_id_or_phase_shows_up_as_stale(resources: Path) -> None:
    de = resources / "i18n" / "de"
    with (de / "prompts" / "feedback.toml").open("a", encoding="utf-8") as f:
        f.write('\n[prompts.feedback-renamed]\ntext = "Alt."\nwhy = "Alt."\n')
    with (de / "prompts" / "boundaries.toml").open("a", encoding="utf-8") as f:
        f.write('\n[prompts.step-when-moved]\ntext = "Alt."\nwhy = "Alt."\n')
    (de / "prompts" / "old_category.toml").write_text('title = "Alt"\n', encoding="utf-8")
    (de / "templates" / "grow.toml").write_text(
        (de / "templates" / "grow.toml").read_text(encoding="utf-8") + '"A: Goals" = "A: Ziele"\n',
        encoding="utf-8",
    )
    (de / "templates" / "gone.toml").write_text('name = "Weg"\n', encoding="utf-8")
    found = localize.stale("de", prompts.load_builtin(), catalog.load_builtin())
    assert sorted(found) == sorted(
        [
            "title of old_category",
            "prompt feedback-renamed in feedback.toml",
            "prompt step-when-moved in boundaries.toml",
            "template grow: phase 'A: Goals'",
            "template gone",
        ]
    )


def test_placeholders_survive_translation() -> None:
    english = prompts.load_builtin()
    german = localize_prompts(english, "de")
    assert sum(p.text.count(ELLIPSIS) for p in english) >= 8  # the check looks at something
    for en, de in zip(english, german, strict=True):
        assert de.text.count(ELLIPSIS) == en.text.count(ELLIPSIS), en.id
        assert de.why.count(ELLIPSIS) == en.why.count(ELLIPSIS), en.id


@pytest.mark.parametrize("language", ["en", "en_GB.UTF-8", "fr", "", "C", "../prompts"])
def test_english_or_an_unknown_language_keeps_the_english_texts(language: str) -> None:
    english = prompts.load_builtin()
    assert localize_prompts(english, language) == english
    for template in catalog.load_builtin():
        assert localize_template(template, language) == template
    assert category_title("feedback_x", language) == "Feedback x"  # no file at all: its name, readable
    assert category_title("goals_next_steps", language) == "Goals and next steps"


def test_a_locale_name_picks_its_language() -> None:
    english = prompts.load_builtin()
    for language in ("de", "de_DE.UTF-8", "de-AT", "DE"):
        assert localize_prompts(english, language) == localize_prompts(english, "de")
    assert localize_prompts(english, "de_CH")[0].text != english[0].text
    assert "de" in localize.overlay_languages()


def test_a_prompt_phase_or_title_missing_from_the_overlay_stays_english(resources: Path) -> None:
    de = resources / "i18n" / "de"
    feedback = de / "prompts" / "feedback.toml"
    body = feedback.read_text(encoding="utf-8")
    start = body.index("[prompts.feedback-ask]")
    feedback.write_text(body[:start].replace('title = "Feedback"\n', ""), encoding="utf-8")
    grow = de / "templates" / "grow.toml"
    grow.write_text(
        grow.read_text(encoding="utf-8").replace('"B: Will" = "B: Wille"\n', "").replace("description", "#"),
        encoding="utf-8",
    )

    english = prompts.load_builtin()
    german = {p.id: p for p in localize_prompts(english, "de")}
    ask = next(p for p in english if p.id == "feedback-ask")
    assert german["feedback-ask"] == ask  # English text and why, never empty
    assert german["feedback-balance"].text.startswith("Haben wir")
    assert category_title("feedback", "de") == "Feedback"  # the English file's title
    template = next(t for t in catalog.load_builtin() if t.id == "grow")
    localized = localize_template(template, "de")
    assert localized.name == "GROW (pro Runde)" and localized.description == template.description
    assert [p.name for p in localized.phases][-3:] == ["B: Optionen", "B: Will", "Feedback"]
    assert localize.untranslated("de", english, catalog.load_builtin()) == [
        "title of feedback",
        "prompt feedback-ask",
        "template grow: description",
        "template grow: phase 'B: Will'",
    ]


def test_the_users_own_prompts_are_not_translated() -> None:
    builtin = prompts.load_builtin()
    edited = Prompt("step-smallest", "goals_next_steps", "next_steps", "My wording.", "Mine.", own=True)
    added = Prompt("own-1234abcd", prompts.USER_CATEGORY, "turn", "What else?", "", own=True)
    german = localize_prompts([*builtin[:2], edited, added], "de")
    assert german[2:] == [edited, added]
    assert german[0].text != builtin[0].text


def test_an_overlay_is_read_once_per_run(resources: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[str] = []
    real = localize.read_toml
    monkeypatch.setattr(
        localize, "read_toml", lambda path, error: reads.append(path.name) or real(path, error)
    )
    first = overlay("de")
    assert len(reads) == len(list((resources / "i18n" / "de").rglob("*.toml")))
    for template in catalog.load_builtin():
        localize_template(template, "de_DE")
    localize_prompts(prompts.load_builtin(), "de")
    assert overlay("de") is first
    assert len(reads) == len(list((resources / "i18n" / "de").rglob("*.toml")))


@pytest.mark.parametrize(
    ("file", "body", "message"),
    [
        ("prompts/feedback.toml", "title = [", "i18n/de/prompts/feedback.toml: not a readable TOML file"),
        (
            "prompts/feedback.toml",
            'title = ""\n',
            "i18n/de/prompts/feedback.toml: 'title' must be a non-empty",
        ),
        (
            "prompts/feedback.toml",
            '[prompt.feedback-ask]\ntext = "x"\nwhy = "y"\n',
            "i18n/de/prompts/feedback.toml: unknown field 'prompt' \\(allowed: title, prompts\\)",
        ),
        (
            "prompts/feedback.toml",
            '[prompts.feedback-ask]\ntext = "x"\n',
            "i18n/de/prompts/feedback.toml, prompt 'feedback-ask': needs exactly the fields text, why",
        ),
        (
            "prompts/feedback.toml",
            '[prompts.feedback-ask]\ntext = " "\nwhy = "y"\n',
            "i18n/de/prompts/feedback.toml, prompt 'feedback-ask': 'text' must be a non-empty text",
        ),
        (
            "prompts/feedback.toml",
            '[prompts.step-when]\ntext = "x"\nwhy = "y"\n',
            "i18n/de/prompts/goals_next_steps.toml: prompt 'step-when' is also in feedback.toml",
        ),
        (
            "templates/grow.toml",
            'name = "GROW"\n[phases]\n"A: Goal" = ""\n',
            "i18n/de/templates/grow.toml: phases: the name for 'A: Goal' must be a non-empty text",
        ),
        (
            "templates/grow.toml",
            'phases = "A: Ziel"\n',
            "i18n/de/templates/grow.toml: 'phases' must be a table",
        ),
    ],
)
def test_a_broken_overlay_names_the_file_and_field(
    resources: Path, file: str, body: str, message: str
) -> None:
    (resources / "i18n" / "de" / file).write_text(body, encoding="utf-8")
    with pytest.raises(LocalizationError, match=f"^{message}"):
        localize_prompts(prompts.load_builtin(), "de")
