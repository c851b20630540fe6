"""One partnership's notebook on screen: the tab set (overview, goals, notes, sessions, next steps,
search, progress), their paged models, history, summaries and the trash. May import `ui.infra` and
`ui.session`."""
