"""The prompt library: built-in prompts from resources/prompts/*.toml, plus the user's own.

Each file holds one category. A prompt has an id (unique across all files), a phase
(check_in, turn, feedback or next_steps), its text and a short "why". The user's
own prompts live in the notebook (UserPrompt); a row whose prompt_id is a built-in's
edits or hides that prompt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, NotFoundError, PeerCoachError, UsageError
from peercoach_desktop.domain.ids import new_id
from peercoach_desktop.domain.model import UserPrompt
from peercoach_desktop.domain.session_timer import Kind, Stage
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.system.files import read_toml

PROMPT_PHASES = ("check_in", "turn", "feedback", "next_steps")
FIELDS = ("id", "phase", "text", "why")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{1,60}$")
USER_CATEGORY = "my_prompts"


class PromptLibraryError(PeerCoachError):
    """A prompt file is malformed: the message names the file and the problem."""


@dataclass(frozen=True)
class Prompt:
    id: str
    category: str
    phase: str
    text: str
    why: str
    own: bool = False  # added or edited by the user


def prompt_phase(stage: Stage) -> str:
    """The prompt phase that matches a session stage (every talk stage shares 'turn')."""
    return "turn" if stage.kind is Kind.TALK else stage.kind.value


def parse_file(path: Path) -> list[Prompt]:
    data = read_toml(path, PromptLibraryError)
    category = data.get("category")
    if not isinstance(category, str) or category != path.stem:
        raise PromptLibraryError(
            QT_TRANSLATE_NOOP("Core", "{file}: 'category' must be the file's name, {stem!r}."),
            file=path.name,
            stem=path.stem,
        )
    entries = data.get("prompt")
    if not isinstance(entries, list) or not entries:
        raise PromptLibraryError(
            QT_TRANSLATE_NOOP("Core", "{file} has no [[prompt]] entries."), file=path.name
        )
    prompts = []
    for number, entry in enumerate(entries, 1):
        where = f"{path.name}, prompt {number}"
        if not isinstance(entry, dict) or set(entry) != set(FIELDS):
            raise PromptLibraryError(
                QT_TRANSLATE_NOOP("Core", "{where}: needs exactly the fields {fields}."),
                where=where,
                fields=", ".join(FIELDS),
            )
        if not all(isinstance(entry[f], str) and entry[f].strip() for f in FIELDS):
            raise PromptLibraryError(
                QT_TRANSLATE_NOOP("Core", "{where}: every field must be non-empty text."), where=where
            )
        if not ID_PATTERN.match(entry["id"]):
            raise PromptLibraryError(
                QT_TRANSLATE_NOOP("Core", "{where}: id {prompt_id!r} must be lower-case words with dashes."),
                where=where,
                prompt_id=entry["id"],
            )
        if entry["phase"] not in PROMPT_PHASES:
            raise PromptLibraryError(
                QT_TRANSLATE_NOOP("Core", "{where}: phase must be one of {prompt_phases}."),
                where=where,
                prompt_phases=", ".join(PROMPT_PHASES),
            )
        prompts.append(
            Prompt(entry["id"], category, entry["phase"], entry["text"].strip(), entry["why"].strip())
        )
    return prompts


def load_builtin(folder: Path | None = None) -> list[Prompt]:
    """Every built-in prompt, validated: unique ids, and every phase has at least one."""
    if folder is None:
        from peercoach_desktop.system.resources import resource_path

        folder = resource_path("prompts")
    prompts: list[Prompt] = []
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.toml")):
        for prompt in parse_file(path):
            if prompt.id in seen:
                raise PromptLibraryError(
                    QT_TRANSLATE_NOOP("Core", "{file}: id {prompt_id!r} is also used in {first}."),
                    file=path.name,
                    prompt_id=prompt.id,
                    first=seen[prompt.id],
                )
            seen[prompt.id] = path.name
            prompts.append(prompt)
    missing = [p for p in PROMPT_PHASES if not any(prompt.phase == p for prompt in prompts)]
    if missing:
        raise PromptLibraryError(
            QT_TRANSLATE_NOOP("Core", "No prompt for the phase(s): {missing}."), missing=", ".join(missing)
        )
    return prompts


def merged(builtin: list[Prompt], own: list[UserPrompt]) -> list[Prompt]:
    """Built-ins with the user's edits applied and hidden ones removed, then the user's new prompts."""
    rows = {row.prompt_id: row for row in own}
    result = []
    for prompt in builtin:
        row = rows.pop(prompt.id, None)
        if row is None:
            result.append(prompt)
        elif not row.hidden:
            result.append(Prompt(prompt.id, prompt.category, row.phase, row.text, row.why, own=True))
    for row in rows.values():
        if not row.hidden:
            result.append(Prompt(row.prompt_id, row.category, row.phase, row.text, row.why, own=True))
    return result


def for_phase(prompts: list[Prompt], stage: Stage) -> list[Prompt]:
    """Prompts for this kind of stage from the categories its template names (and the
    user's own); all of the kind's prompts if those categories have none for it."""
    wanted = prompt_phase(stage)
    of_kind = [p for p in prompts if p.phase == wanted]
    chosen = set(stage.prompts) | {USER_CATEGORY}
    named = [p for p in of_kind if p.category in chosen or p.own]
    return named if stage.prompts and named else of_kind


def pick(prompts: list[Prompt], stage: Stage, turn: int) -> Prompt | None:
    """The prompt card for a stage; 'another one' asks with turn + 1 and wraps around."""
    matching = for_phase(prompts, stage)
    return matching[turn % len(matching)] if matching else None


# ----- the user's own prompts (run on the notebook worker) ----------------------------------------


def _check(text: str, phase: str) -> None:
    if not text.strip():
        raise UsageError(QT_TRANSLATE_NOOP("Core", "A prompt cannot be empty."))
    if phase not in PROMPT_PHASES:
        raise UsageError(
            QT_TRANSLATE_NOOP("Core", "A prompt's phase is one of {prompt_phases}."),
            prompt_phases=", ".join(PROMPT_PHASES),
        )


def own_prompts(store: NotebookStore) -> list[UserPrompt]:
    return store.list(UserPrompt)


def add_prompt(store: NotebookStore, text: str, phase: str, why: str = "") -> UserPrompt:
    _check(text, phase)
    return store.add_record(
        UserPrompt,
        prompt_id=f"own-{new_id()[:8]}",
        text=text.strip(),
        category=USER_CATEGORY,
        phase=phase,
        why=why.strip(),
        hidden=False,
    )


def _row(store: NotebookStore, prompt_id: str) -> UserPrompt | None:
    return next((r for r in store.list(UserPrompt) if r.prompt_id == prompt_id), None)


def edit_prompt(store: NotebookStore, prompt: Prompt, text: str, phase: str, why: str) -> UserPrompt:
    """Edit a prompt; for a built-in this stores the user's version under the same id."""
    _check(text, phase)
    row = _row(store, prompt.id)
    if row is not None:
        return store.change_record(row, text=text.strip(), phase=phase, why=why.strip(), hidden=False)
    fields = {"text": text.strip(), "category": prompt.category, "phase": phase, "why": why.strip()}
    return store.add_record(UserPrompt, prompt_id=prompt.id, hidden=False, **fields)


def hide_prompt(store: NotebookStore, prompt: Prompt) -> UserPrompt:
    row = _row(store, prompt.id)
    if row is not None:
        return store.change_record(row, hidden=True)
    if not prompt.id:
        raise NotFoundError(QT_TRANSLATE_NOOP("Core", "No such prompt."))
    fields = {"text": prompt.text, "category": prompt.category, "phase": prompt.phase, "why": prompt.why}
    return store.add_record(UserPrompt, prompt_id=prompt.id, hidden=True, **fields)
