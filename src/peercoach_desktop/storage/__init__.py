"""Where bytes live on this laptop: the SQLCipher connection, schema and migrations, the notebook store
(reads, edits, history, full-text search, the rows a sync file carries), atomic file writes, the data
and config folders, bundled resources and the local crash log. May import `domain` only."""
