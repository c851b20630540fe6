"""What a peer-coaching meeting needs on top of the notebook: the prompt library, protocol templates
and their translations, the session service behind the runner, the schedule and calendar, progress
figures, summaries (Markdown, and PDF through Qt's text engine in `summary_pdf` only) and the trash.
May import `vault`, `storage` and `domain`."""
