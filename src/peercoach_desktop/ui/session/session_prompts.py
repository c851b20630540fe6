"""The prompt card's actions in the session runner: another prompt, and the user's own
additions, edits and hidden prompts, written on the notebook worker."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from peercoach_desktop.coaching import prompts as prompt_lib
from peercoach_desktop.coaching.localize import localize_prompts
from peercoach_desktop.ui.session.session_widgets import PromptCard

if TYPE_CHECKING:
    from peercoach_desktop.domain.session_timer import SessionTimer
    from peercoach_desktop.storage.store import NotebookStore


class PromptActions:
    """Mixed into SessionRunnerView, which provides timer, language, prompts, prompt_turn,
    render() and _run(job, on_done)."""

    timer: SessionTimer | None
    language: str
    prompts: list[prompt_lib.Prompt]
    prompt_turn: int
    render: Callable[[], None]
    _run: Callable[..., None]

    def _prompt_card(self) -> PromptCard:
        card = PromptCard()
        card.another_requested.connect(self.another_prompt)
        card.edit_requested.connect(self._edit_prompt)
        card.hide_requested.connect(self._hide_prompt)
        card.add_requested.connect(self._add_prompt)
        return card

    def another_prompt(self) -> None:
        self.prompt_turn += 1
        self.render()

    def _prompt_library(self, store: NotebookStore) -> list[prompt_lib.Prompt]:
        """On the worker: the built-in prompts in the user's language, with their own edits."""
        builtin = localize_prompts(prompt_lib.load_builtin(), self.language)
        return prompt_lib.merged(builtin, prompt_lib.own_prompts(store))

    def _reload_prompts(self, job: Callable[[NotebookStore], Any]) -> None:
        def run(store: NotebookStore) -> list[prompt_lib.Prompt]:
            job(store)
            return self._prompt_library(store)

        self._run(run, self._prompts_loaded)

    def _prompts_loaded(self, library: list[prompt_lib.Prompt]) -> None:
        self.prompts = library
        self.render()

    def _edit_prompt(self, prompt: prompt_lib.Prompt, text: str) -> None:
        self._reload_prompts(lambda s: prompt_lib.edit_prompt(s, prompt, text, prompt.phase, prompt.why))

    def _hide_prompt(self, prompt: prompt_lib.Prompt) -> None:
        self._reload_prompts(lambda s: prompt_lib.hide_prompt(s, prompt))

    def _add_prompt(self, text: str) -> None:
        assert self.timer is not None and self.timer.stage is not None
        phase = prompt_lib.prompt_phase(self.timer.stage)
        self._reload_prompts(lambda s: prompt_lib.add_prompt(s, text, phase))
