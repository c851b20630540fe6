"""Test set-up: offscreen Qt, no access to the developer's own keyring, and a real
Secret Service (gnome-keyring on a private D-Bus) for the tests that ask for one."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from secret_service import missing_programs, private_secret_service

os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Any keyring call that did not ask for the private Secret Service hits the "fail"
# backend, which OsKeyStore refuses: a test can never read or write a real keyring.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
os.environ.pop("PEERCOACH_DATA_DIR", None)


@pytest.fixture(scope="session")
def _secret_service_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    missing = missing_programs()
    if missing:
        message = f"needs a Secret Service: system programs missing: {', '.join(missing)}"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI must run the real-keyring tests; use the README test command)")
        pytest.skip(message)
    with private_secret_service(tmp_path_factory.mktemp("secret-service")) as env:
        yield env


@pytest.fixture
def secret_service(_secret_service_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Point this test (and its subprocesses) at the private gnome-keyring."""
    for name, value in _secret_service_env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    return dict(os.environ)


@pytest.fixture(autouse=True)
def _own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets fresh preferences, never the developer's own."""
    monkeypatch.setenv("PEERCOACH_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture(autouse=True)
def _no_leftover_file_answers() -> Iterator[None]:
    """A file-dialog answer a failed test left queued must not answer the next test's dialog."""
    yield
    from peercoach_desktop.ui.infra import file_choice

    file_choice._next_paths.clear()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


# The real main window, loaded over a fresh data dir (see tests/window_driver.py); the
# `library` fixture (keys in memory, a fake clock) serves the core tests as well.
from window_driver import library, store, window  # noqa: E402, F401
