"""The desktop window (PySide6), by feature: `shell` (main window, menus, lock, start-up),
`notebook_tools` (history, summary export, trash, meetings), `notebook` (the partnership's tabs),
`workshop` (a facilitator's roster, pairs and room view), `session` (the runner and protocols),
`partners` (pairing and sync) and `infra` (the worker, translations, theme, settings, shared
widgets). Widgets render; the layers below decide. Never imported by `cli`."""
