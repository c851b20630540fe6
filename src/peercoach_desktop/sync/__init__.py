"""Two laptops as one notebook: the sealed (AEAD) file format, the sync file of shared records, export
and import with the merge, and pairing by invitation file. May import `vault`, `storage` and
`domain`; never `coaching`, `cli` or `ui`."""
