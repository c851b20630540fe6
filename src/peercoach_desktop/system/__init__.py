"""The operating system as the app meets it, below the notebooks: atomic file writes and private
folders, the one bounded reader for files handed to the app, the data and config folders, bundled
resources, the laptop's time zone and the local crash log. May import `domain` only; every layer
above may use it."""
