"""Domain, storage, keys and sync. Pure Python: nothing here imports Qt."""
