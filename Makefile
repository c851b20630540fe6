# The two commands a newcomer needs: `make run` starts the app, `make test` runs every test.
# Both install what they need first (scripts/bootstrap.sh).
.PHONY: run test lint bench screenshots package

run:
	@./scripts/bootstrap.sh run
	.venv/bin/peercoach

test:
	@./scripts/bootstrap.sh test
	.venv/bin/ruff check src tests bench
	.venv/bin/python -m pytest

lint:
	.venv/bin/ruff check src tests bench
	.venv/bin/ruff format --check src tests bench

bench:
	@./scripts/bootstrap.sh test
	.venv/bin/python bench/run_all.py

screenshots:
	@./scripts/bootstrap.sh test
	./scripts/screenshots.sh

# The Linux app as one folder (dist/peercoach-desktop/) and a tarball with install.sh inside.
package:
	@./scripts/bootstrap.sh test
	./packaging/build_linux.sh --tarball
