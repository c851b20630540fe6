"""Session protocol templates: data files in resources/templates, validated on load.

A template is an ordered list of phases, each with a name, default minutes (1-60), who
speaks ("a", "b" or "both") and the prompt categories to offer. A broken file is refused
with one sentence naming the file and the field, never half-loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from peercoach_desktop.core.errors import PeerCoachError
from peercoach_desktop.core.files import read_toml

SPEAKERS = ("a", "b", "both")


class TemplateError(PeerCoachError):
    """A template file that cannot be used, with the file and field named."""


@dataclass(frozen=True)
class Phase:
    name: str
    minutes: int
    speaker: str
    prompts: tuple[str, ...]


@dataclass(frozen=True)
class Template:
    id: str
    name: str
    description: str
    phases: tuple[Phase, ...]

    @property
    def minutes(self) -> int:
        return sum(phase.minutes for phase in self.phases)


def parse(path: Path, prompt_categories: set[str]) -> Template:
    where = path.name
    data = read_toml(path, TemplateError)
    for field in ("id", "name", "description"):
        if not isinstance(data.get(field), str) or not data[field].strip():
            raise TemplateError(f"{where}: '{field}' must be a non-empty text.")
    if data["id"] != path.stem:
        raise TemplateError(f"{where}: 'id' must be the file's name, {path.stem!r}.")
    raw = data.get("phase")
    if not isinstance(raw, list) or not raw:
        raise TemplateError(f"{where}: a template needs at least one [[phase]].")
    phases = []
    for number, entry in enumerate(raw, 1):
        at = f"{where}: phase {number}"
        if not isinstance(entry, dict):
            raise TemplateError(f"{at} is not a table.")
        name, minutes, speaker = entry.get("name"), entry.get("minutes"), entry.get("speaker")
        if not isinstance(name, str) or not name.strip():
            raise TemplateError(f"{at}: 'name' must be a non-empty text.")
        if not isinstance(minutes, int) or isinstance(minutes, bool) or not 1 <= minutes <= 60:
            raise TemplateError(f"{at} ({name}): 'minutes' must be a whole number from 1 to 60.")
        if speaker not in SPEAKERS:
            raise TemplateError(f"{at} ({name}): 'speaker' must be one of {', '.join(SPEAKERS)}.")
        prompts = entry.get("prompts", [])
        if not isinstance(prompts, list) or not all(isinstance(p, str) for p in prompts):
            raise TemplateError(f"{at} ({name}): 'prompts' must be a list of prompt categories.")
        unknown = [p for p in prompts if p not in prompt_categories]
        if unknown:
            raise TemplateError(f"{at} ({name}): unknown prompt category {unknown[0]!r}.")
        phases.append(Phase(name.strip(), minutes, speaker, tuple(prompts)))
    if not {"a", "b"} & {p.speaker for p in phases}:
        raise TemplateError(f"{where}: no phase gives either peer the floor ('speaker' a or b).")
    return Template(data["id"], data["name"].strip(), data["description"].strip(), tuple(phases))


def load_builtin() -> list[Template]:
    """Every bundled template, validated; the default two-turn session first."""
    from peercoach_desktop.resources import resource_path

    categories = {path.stem for path in resource_path("prompts").glob("*.toml")}
    found = [parse(path, categories) for path in sorted(resource_path("templates").glob("*.toml"))]
    ids = [t.id for t in found]
    if len(set(ids)) != len(ids):
        raise TemplateError("resources/templates: two templates share an id.")
    return sorted(found, key=lambda t: (t.id != "peer-coaching", t.name))
