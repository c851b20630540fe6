"""Session protocol templates: bundled data files in resources/templates, and the user's
own copies kept in the notebook (so they sync with it). Both are validated the same way.

A template is an ordered list of phases, each with a name, a kind (check_in, talk,
feedback, next_steps; talk if left out), default minutes (1-60), who speaks ("a", "b" or
"both") and the prompt categories to offer. A broken one is refused with one sentence
naming the file (or template) and the field, never half-loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, NotFoundError, PeerCoachError
from peercoach_desktop.domain.model import SessionTemplate
from peercoach_desktop.domain.session_timer import SPEAKERS, Kind, Stage
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.system.files import read_toml

DEFAULT_ID = "peer-coaching"
KINDS = tuple(kind.value for kind in Kind)
MAX_PHASES = 20


class TemplateError(PeerCoachError):
    """A template that cannot be used, with the file (or template) and field named."""


@dataclass(frozen=True)
class Phase:
    name: str
    minutes: int
    speaker: str
    prompts: tuple[str, ...]
    kind: str = Kind.TALK.value

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "minutes": self.minutes,
            "speaker": self.speaker,
            "prompts": list(self.prompts),
        }


@dataclass(frozen=True)
class Template:
    id: str  # a bundled file's name, or the notebook record's id
    name: str
    description: str
    phases: tuple[Phase, ...]
    own: bool = False  # the user's, kept in the notebook

    @property
    def minutes(self) -> int:
        return sum(phase.minutes for phase in self.phases)


def _text(data: dict[str, Any], field: str, where: str) -> str:
    value = data.get(field)
    if not isinstance(value, str) or not value.strip():
        raise TemplateError(
            QT_TRANSLATE_NOOP("Core", "{where}: '{field}' must be a non-empty text."),
            where=where,
            field=field,
        )
    return value.strip()


def _phase(entry: Any, at: str, prompt_categories: set[str]) -> Phase:
    if not isinstance(entry, dict):
        raise TemplateError(QT_TRANSLATE_NOOP("Core", "{at} is not a table."), at=at)
    name = _text(entry, "name", at)
    at = f"{at} ({name})"
    minutes, speaker, kind = entry.get("minutes"), entry.get("speaker"), entry.get("kind", Kind.TALK.value)
    if not isinstance(minutes, int) or isinstance(minutes, bool) or not 1 <= minutes <= 60:
        raise TemplateError(
            QT_TRANSLATE_NOOP("Core", "{at}: 'minutes' must be a whole number from 1 to 60."), at=at
        )
    if speaker not in SPEAKERS:
        raise TemplateError(
            QT_TRANSLATE_NOOP("Core", "{at}: 'speaker' must be one of {speakers}."),
            at=at,
            speakers=", ".join(SPEAKERS),
        )
    if kind not in KINDS:
        raise TemplateError(
            QT_TRANSLATE_NOOP("Core", "{at}: 'kind' must be one of {kinds}."), at=at, kinds=", ".join(KINDS)
        )
    prompts = entry.get("prompts", [])
    if not isinstance(prompts, list) or not all(isinstance(p, str) for p in prompts):
        raise TemplateError(
            QT_TRANSLATE_NOOP("Core", "{at}: 'prompts' must be a list of prompt categories."), at=at
        )
    unknown = [p for p in prompts if p not in prompt_categories]
    if unknown:
        raise TemplateError(
            QT_TRANSLATE_NOOP("Core", "{at}: unknown prompt category {unknown!r}."), at=at, unknown=unknown[0]
        )
    return Phase(name, minutes, speaker, tuple(prompts), kind)


def from_data(
    data: dict[str, Any], where: str, prompt_categories: set[str]
) -> tuple[str, str, tuple[Phase, ...]]:
    """Name, description and phases of a template's data, validated."""
    name, description = _text(data, "name", where), _text(data, "description", where)
    raw = data.get("phase")
    if not isinstance(raw, list) or not raw:
        raise TemplateError(
            QT_TRANSLATE_NOOP("Core", "{where}: a template needs at least one [[phase]]."), where=where
        )
    if len(raw) > MAX_PHASES:
        raise TemplateError(
            QT_TRANSLATE_NOOP("Core", "{where}: a template has at most {max_phases} phases."),
            where=where,
            max_phases=MAX_PHASES,
        )
    phases = tuple(_phase(entry, f"{where}: phase {n}", prompt_categories) for n, entry in enumerate(raw, 1))
    names = [p.name for p in phases]
    twice = next((n for n in names if names.count(n) > 1), None)
    if twice is not None:
        raise TemplateError(
            QT_TRANSLATE_NOOP("Core", "{where}: two phases are called {twice!r}; each needs its own name."),
            where=where,
            twice=twice,
        )
    kinds = [p.kind for p in phases]
    if Kind.CHECK_IN.value in kinds[1:]:
        raise TemplateError(
            QT_TRANSLATE_NOOP("Core", "{where}: the check-in can only be the first phase."), where=where
        )
    if Kind.NEXT_STEPS.value in kinds[:-1]:
        raise TemplateError(
            QT_TRANSLATE_NOOP("Core", "{where}: next steps can only be the last phase."), where=where
        )
    if not any(p.kind == Kind.TALK.value and p.speaker in ("a", "b") for p in phases):
        raise TemplateError(
            QT_TRANSLATE_NOOP(
                "Core", "{where}: no talk phase gives either peer the floor ('speaker' a or b)."
            ),
            where=where,
        )
    return name, description, phases


def parse(path: Path, prompt_categories: set[str]) -> Template:
    where = path.name
    data = read_toml(path, TemplateError)
    if data.get("id") != path.stem:
        raise TemplateError(
            QT_TRANSLATE_NOOP("Core", "{where}: 'id' must be the file's name, {stem!r}."),
            where=where,
            stem=path.stem,
        )
    return Template(path.stem, *from_data(data, where, prompt_categories))


def prompt_categories() -> set[str]:
    from peercoach_desktop.system.resources import resource_path

    return {path.stem for path in resource_path("prompts").glob("*.toml")}


def stages(template: Template, default: Template, turn_minutes: int | None = None) -> tuple[Stage, ...]:
    """The stages a session of this template runs through. Every session reviews last
    time's steps first and ends with new ones: where the template leaves them out, the
    default template's check-in and next steps are added. turn_minutes (the user's
    preferred turn length) sets the talk phases of the default template."""
    stretch = turn_minutes if template.id == DEFAULT_ID and not template.own else None

    def stage(p: Phase) -> Stage:
        minutes = stretch if stretch and p.kind == Kind.TALK.value else p.minutes
        return Stage(p.name, Kind(p.kind), p.speaker, 60 * minutes, p.prompts)

    found = [stage(p) for p in template.phases]
    names = {s.name for s in found}
    if found[0].kind is not Kind.CHECK_IN:
        found.insert(0, _unique(stage(default.phases[0]), names))
    if found[-1].kind is not Kind.NEXT_STEPS:
        found.append(_unique(stage(default.phases[-1]), names))
    return tuple(found)


def _unique(stage: Stage, taken: set[str]) -> Stage:
    """The added stage, renamed if a talk phase already uses its name (times are kept by name)."""
    if stage.name not in taken:
        return stage
    name = next(f"{stage.name} {n}" for n in range(2, 100) if f"{stage.name} {n}" not in taken)
    return Stage(name, stage.kind, stage.speaker, stage.seconds, stage.prompts)


# ----- the user's own templates, in the notebook -----------------------------------------------


def _own(record: SessionTemplate, categories: set[str]) -> Template:
    data = {"name": record.name, "description": record.description, "phase": record.phases}
    return Template(record.id, *from_data(data, f"Your template {record.name!r}", categories), own=True)


def own_templates(store: NotebookStore) -> tuple[list[Template], list[str]]:
    """The notebook's templates that validate, and one sentence for each that does not
    (a partner's app of another version may have synced one this app cannot run)."""
    categories = prompt_categories()
    good, problems = [], []
    # A conflict copy (two laptops edited one protocol) is resolved in Conflicts, not run or edited.
    for record in store.matching(SessionTemplate, originals=True):
        try:
            good.append(_own(record, categories))
        except TemplateError as exc:
            problems.append(str(exc))
    return sorted(good, key=lambda t: t.name.casefold()), problems


def copy_template(store: NotebookStore, template: Template, name: str | None = None) -> Template:
    """A copy the user can edit, called `name` (numbered if taken); it lives in the
    notebook and syncs with it."""
    taken = {t.name for t in own_templates(store)[0]}
    name = _free_name(name or f"{template.name} (copy)", taken)
    return save_template(store, None, name, template.description, [p.to_dict() for p in template.phases])


def _free_name(wanted: str, taken: set[str]) -> str:
    name, n = wanted, 2
    while name in taken:
        name, n = f"{wanted} {n}", n + 1
    return name


def save_template(
    store: NotebookStore, template_id: str | None, name: str, description: str, phases: list[dict[str, Any]]
) -> Template:
    """Create (template_id None) or change one of the user's templates, validated first."""
    categories = prompt_categories()
    data = {"name": name, "description": description or name, "phase": phases}
    name, description, checked = from_data(data, f"Template {name.strip()!r}", categories)
    fields = {"name": name, "description": description, "phases": [p.to_dict() for p in checked]}
    if template_id is None:
        record = store.add_record(SessionTemplate, **fields)
    else:
        record = store.change_record(_record(store, template_id), **fields)
    return _own(record, categories)


def delete_template(store: NotebookStore, template_id: str) -> None:
    store.change_record(_record(store, template_id), deleted=True)


def _record(store: NotebookStore, template_id: str) -> SessionTemplate:
    found = store.where(SessionTemplate, id=template_id)
    if not found:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("Core", "That template is not in this notebook (it may have been deleted).")
        )
    return found[0]


def find(templates: list[Template], template_id: str | None) -> Template:
    """The template with this id, or the default one."""
    return next((t for t in templates if t.id == template_id), templates[0])
