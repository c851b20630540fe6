"""The window around everything: the main window and its frame, menu actions, preferences and window
state, the idle and screen lock, single instance and the start-up checks. May import every other
`ui` package; nothing in `ui` imports it."""
