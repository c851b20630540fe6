"""Keys and the notebooks they open: the library of notebook descriptors, the OS keyring and Secret
Service, passphrase-protected notebooks, recovery codes, backups, restore and rekey, and the
workspace that keeps opened notebooks. May import `storage` and `domain`."""
