"""The notebooks on disk: the SQLCipher connection, schema and migrations, the notebook store
(reads, edits, history, full-text search, the rows a sync file carries, its unit of work), the
whole-file steps the vault takes (notebook_file), storage errors as sentences and the workshop
store. May import `system` and `domain`."""
