"""One partnership's notebook on screen: the tab set (overview, goals, notes, sessions, next steps,
search, progress), their paged models and charts, and the words they share with the tools that
open over them (summary_words, meeting_words). May import `ui.session` and `ui.infra`."""
