"""The protocols a user can choose from: the bundled templates in the user's language, then the
notebook's own. Joins `templates` (parsing and validation) and `localize` (the translations),
so neither of those needs the other."""

from __future__ import annotations

from peercoach_desktop.coaching import templates
from peercoach_desktop.coaching.localize import localize_template
from peercoach_desktop.coaching.templates import Template
from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.system.resources import resource_path


def load_builtin(language: str = "en") -> list[Template]:
    """Every bundled template, validated and in the language where translated; the default
    two-turn session first."""
    categories = templates.prompt_categories()
    found = [templates.parse(path, categories) for path in sorted(resource_path("templates").glob("*.toml"))]
    ids = [t.id for t in found]
    if len(set(ids)) != len(ids):
        raise templates.TemplateError(
            QT_TRANSLATE_NOOP("Core", "resources/templates: two templates share an id.")
        )
    ordered = sorted(found, key=lambda t: (t.id != templates.DEFAULT_ID, t.name))
    return [localize_template(t, language) for t in ordered]


def available(store: NotebookStore, language: str = "en") -> tuple[list[Template], list[str]]:
    """Bundled templates first (the default one first), then the user's own."""
    own, problems = templates.own_templates(store)
    return load_builtin(language) + own, problems
