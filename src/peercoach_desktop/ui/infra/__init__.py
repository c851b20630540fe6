"""What every window part shares: the background worker (`tasks`), translations (`i18n`), theme,
preferences (`settings`), small widgets, dialogs and their test hooks, and accessibility helpers.
Imports no other `ui` package."""
