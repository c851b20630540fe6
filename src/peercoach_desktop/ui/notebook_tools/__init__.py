"""What the Notebook and Edit menus open over a notebook: history of a record, the summary export,
the trash and undo, and planning meetings. Loaded on first use by the shell's actions. May import
`ui.notebook` (its host Protocol and words), `ui.session` and `ui.infra`."""
