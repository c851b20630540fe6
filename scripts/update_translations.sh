#!/usr/bin/env bash
# Regenerate translations/peercoach_<lang>.ts from the translate(...) calls in src (pyside6-lupdate),
# keeping every translation already made and dropping messages no longer in the code.
# Run it after adding or changing a user-visible string, then translate what it marks unfinished
# (.venv/bin/pyside6-linguist translations/peercoach_de.ts). tests/test_i18n.py checks both.
# No source locations: line numbers would change the .ts on every edit and make merges harder.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t sources < <(find src/peercoach_desktop -name '*.py' | sort)
for ts in translations/peercoach_*.ts; do
  .venv/bin/pyside6-lupdate -silent -no-obsolete -locations none "${sources[@]}" -ts "$ts"
done
