"""The desktop window (PySide6), by feature: `shell` (main window, menus, lock, start-up), `notebook`
(the partnership's tabs), `session` (the runner and protocols), `partners` (pairing and sync),
`workshop` (a facilitator's roster, pairs and room view) and
`infra` (the worker, translations, theme, settings, shared widgets). Widgets render; the layers
below decide. Never imported by `cli`."""
