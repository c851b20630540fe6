#!/usr/bin/env bash
# Take screenshots of the real window under Xvfb into screenshots/ (make screenshots).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p screenshots
xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots.py screenshots
xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots.py screenshots de
# Workshop mode: the workshop window and the room view, English and German, light and dark.
for language in en de; do
  for palette in light dark; do
    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots_workshop.py screenshots "$language" "$palette"
  done
done
# The session runner, one PNG per phase, in the light and a dark palette.
xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots_session.py screenshots
xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots_session.py screenshots dark
exec xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots_session.py screenshots de
