"""Translated texts for the built-in prompts and templates, as overlay files over the English.

resources/i18n/<language>/prompts/<category>.toml gives a category's `title` and, in a table
per prompt id (`[prompts.<id>]`), its `text` and `why`. resources/i18n/<language>/templates/
<template id>.toml gives `name`, `description` and a `[phases]` table from each English phase
name to the translated one. Whatever an overlay lacks stays English, so a missing translation
never shows an empty label. The user's own prompts are theirs and are never translated.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from peercoach_desktop.coaching.prompts import Prompt, PromptLibraryError
from peercoach_desktop.coaching.templates import Template
from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, PeerCoachError
from peercoach_desktop.system.files import read_toml

BASE_LANGUAGE = "en"  # the texts in resources/prompts and resources/templates
_CODE = re.compile(r"^[a-z]{2,3}$")
PROMPT_FIELDS = ("text", "why")


class LocalizationError(PeerCoachError):
    """An overlay file is malformed: the message names the file and the field."""


@dataclass(frozen=True)
class PromptText:
    category: str  # the overlay file it came from
    text: str
    why: str


@dataclass(frozen=True)
class TemplateText:
    name: str | None
    description: str | None
    phases: Mapping[str, str]  # English phase name -> translated name


@dataclass(frozen=True)
class Overlay:
    """Everything one language translates; empty for English or a language without overlays."""

    titles: Mapping[str, str] = field(default_factory=dict)  # category -> title
    prompts: Mapping[str, PromptText] = field(default_factory=dict)  # prompt id -> texts
    templates: Mapping[str, TemplateText] = field(default_factory=dict)  # template id -> texts


def language_code(language: str) -> str:
    """'de', 'de_DE.UTF-8', 'de-AT' -> 'de'; anything unusable ('', 'C', '../x') -> 'en'."""
    code = re.split(r"[-_.@]", language.strip().lower(), maxsplit=1)[0]
    return code if _CODE.match(code) else BASE_LANGUAGE


def _i18n_root() -> Path | None:
    from peercoach_desktop.system.resources import resource_path

    try:
        return resource_path("i18n")
    except PeerCoachError:
        return None  # a bundle without translations: everything stays English


def overlay_languages() -> list[str]:
    """The languages that have overlay files (English, the base, is not among them)."""
    root = _i18n_root()
    if root is None:
        return []
    return sorted(p.name for p in root.iterdir() if p.is_dir() and _CODE.match(p.name))


def overlay(language: str) -> Overlay:
    """The parsed overlay of a language, read once per run; a broken file raises LocalizationError."""
    code = language_code(language)
    root = _i18n_root()
    if code == BASE_LANGUAGE or root is None:
        return Overlay()
    return _load(root, code)


# ----- reading and checking the files -------------------------------------------------------------


def _text(value: Any, where: str, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise LocalizationError(
            QT_TRANSLATE_NOOP("Core", "{where}: '{name}' must be a non-empty text."), where=where, name=name
        )
    return value.strip()


def _read(path: Path, where: str, allowed: tuple[str, ...]) -> dict[str, Any]:
    try:
        data = read_toml(path, LocalizationError)
    except LocalizationError as exc:  # read_toml names the file only; say which language and kind
        raise LocalizationError(
            QT_TRANSLATE_NOOP("Core", "{folder}/{exc}"), folder=where.rsplit("/", 1)[0], exc=exc
        ) from None
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise LocalizationError(
            QT_TRANSLATE_NOOP("Core", "{where}: unknown field {unknown!r} (allowed: {allowed})."),
            where=where,
            unknown=unknown[0],
            allowed=", ".join(allowed),
        )
    return data


def _table(data: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    table = data.get(key, {})
    if not isinstance(table, dict):
        raise LocalizationError(
            QT_TRANSLATE_NOOP("Core", "{where}: '{key}' must be a table."), where=where, key=key
        )
    return table


def _parse_prompts(path: Path, where: str) -> tuple[str | None, dict[str, PromptText]]:
    data = _read(path, where, ("title", "prompts"))
    title = _text(data["title"], where, "title") if "title" in data else None
    texts = {}
    for prompt_id, entry in _table(data, "prompts", where).items():
        at = f"{where}, prompt {prompt_id!r}"
        if not isinstance(entry, dict) or set(entry) != set(PROMPT_FIELDS):
            raise LocalizationError(
                QT_TRANSLATE_NOOP("Core", "{at}: needs exactly the fields {prompt_fields}."),
                at=at,
                prompt_fields=", ".join(PROMPT_FIELDS),
            )
        text, why = _text(entry["text"], at, "text"), _text(entry["why"], at, "why")
        texts[prompt_id] = PromptText(path.stem, text, why)
    return title, texts


def _parse_template(path: Path, where: str) -> TemplateText:
    data = _read(path, where, ("name", "description", "phases"))
    name = _text(data["name"], where, "name") if "name" in data else None
    description = _text(data["description"], where, "description") if "description" in data else None
    phases = {}
    for english, translated in _table(data, "phases", where).items():
        if not isinstance(translated, str) or not translated.strip():
            raise LocalizationError(
                QT_TRANSLATE_NOOP(
                    "Core", "{where}: phases: the name for {english!r} must be a non-empty text."
                ),
                where=where,
                english=english,
            )
        phases[english] = translated.strip()
    return TemplateText(name, description, phases)


@functools.cache  # keyed by the resources folder too, so a test's copy is read on its own
def _load(root: Path, code: str) -> Overlay:
    folder = root / code
    titles: dict[str, str] = {}
    prompts: dict[str, PromptText] = {}
    for path in sorted((folder / "prompts").glob("*.toml")):
        where = f"i18n/{code}/prompts/{path.name}"
        title, texts = _parse_prompts(path, where)
        if title is not None:
            titles[path.stem] = title
        for prompt_id, text in texts.items():
            if prompt_id in prompts:
                other = prompts[prompt_id].category
                raise LocalizationError(
                    QT_TRANSLATE_NOOP("Core", "{where}: prompt {prompt_id!r} is also in {other}.toml."),
                    where=where,
                    prompt_id=prompt_id,
                    other=other,
                )
            prompts[prompt_id] = text
    templates = {
        path.stem: _parse_template(path, f"i18n/{code}/templates/{path.name}")
        for path in sorted((folder / "templates").glob("*.toml"))
    }
    return Overlay(titles, prompts, templates)


# ----- applying an overlay ------------------------------------------------------------------------


def localize_prompts(prompts: Iterable[Prompt], language: str) -> list[Prompt]:
    """The prompts with built-in texts translated where the overlay has them; own prompts as they are."""
    texts = overlay(language).prompts
    result = []
    for prompt in prompts:
        found = None if prompt.own else texts.get(prompt.id)
        result.append(prompt if found is None else replace(prompt, text=found.text, why=found.why))
    return result


@functools.cache
def _english_titles(folder: Path) -> dict[str, str]:
    titles = {}
    for path in folder.glob("*.toml"):
        title = read_toml(path, PromptLibraryError).get("title")
        if isinstance(title, str) and title.strip():
            titles[path.stem] = title.strip()
    return titles


def category_title(category: str, language: str) -> str:
    """A prompt category's title: translated, else the English file's title, else its name."""
    from peercoach_desktop.system.resources import resource_path

    translated = overlay(language).titles.get(category)
    if translated:
        return translated
    english = _english_titles(resource_path("prompts")).get(category)
    return english or category.replace("_", " ").capitalize()


def localize_template(template: Template, language: str) -> Template:
    """The template with its name, description and phase names translated where the overlay has them."""
    found = overlay(language).templates.get(template.id)
    if found is None:
        return template
    phases = tuple(replace(p, name=found.phases.get(p.name, p.name)) for p in template.phases)
    return replace(
        template,
        name=found.name or template.name,
        description=found.description or template.description,
        phases=phases,
    )


# ----- what a translator needs to know ------------------------------------------------------------


def untranslated(language: str, prompts: Iterable[Prompt], templates: Iterable[Template]) -> list[str]:
    """Built-in texts the language's overlay lacks (they show in English), one line each."""
    found = overlay(language)
    builtin = [p for p in prompts if not p.own]
    missing = [f"title of {c}" for c in sorted({p.category for p in builtin}) if c not in found.titles]
    missing += [f"prompt {p.id}" for p in builtin if p.id not in found.prompts]
    for template in templates:
        at, text = f"template {template.id}", found.templates.get(template.id)
        if text is None:
            missing.append(at)
            continue
        missing += [f"{at}: {f}" for f in ("name", "description") if getattr(text, f) is None]
        missing += [f"{at}: phase {p.name!r}" for p in template.phases if p.name not in text.phases]
    return missing


def stale(language: str, prompts: Iterable[Prompt], templates: Iterable[Template]) -> list[str]:
    """Overlay entries that match no built-in text (a renamed id or phase), one line each."""
    found = overlay(language)
    category_of = {p.id: p.category for p in prompts if not p.own}
    phases_of = {t.id: {p.name for p in t.phases} for t in templates}
    result = [f"title of {c}" for c in sorted(found.titles) if c not in set(category_of.values())]
    result += [
        f"prompt {pid} in {text.category}.toml"
        for pid, text in found.prompts.items()
        if category_of.get(pid) != text.category
    ]
    for template_id, text in found.templates.items():
        known = phases_of.get(template_id)
        if known is None:
            result.append(f"template {template_id}")
            continue
        result += [f"template {template_id}: phase {name!r}" for name in text.phases if name not in known]
    return result
