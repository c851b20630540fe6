"""Partnerships between two laptops: new partnership, invite and join, export and import of sync
files, conflicts. May import `ui.infra`."""
