"""Shared fixtures: the gazetteer is built once per test session into a temporary WIRECODER_HOME."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "raqqa-retreat.txt"


def pytest_configure(config: pytest.Config) -> None:
    # Tests never touch the user's cache: the default gazetteer is built under the test run's own folder
    # (once per run, unless WIRECODER_HOME is already set by the caller to reuse a built one).
    home = os.environ.get("WIRECODER_HOME")
    if not home:
        home = str(ROOT / ".pytest_cache" / "wirecoder-home")
        os.environ["WIRECODER_HOME"] = home
    Path(home).mkdir(parents=True, exist_ok=True)


@pytest.fixture(scope="session")
def example_text() -> tuple[str, str]:
    """(title, body) of the bundled demo story."""
    title, body = EXAMPLE.read_text("utf-8").split("\n\n", 1)
    return title, body
