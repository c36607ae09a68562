from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(autouse=True)
def key_dir(settings: Any, tmp_path: Any) -> Any:
    """Each test has its own data directory, so its own message key file."""
    settings.PALERMO_MESSAGE_KEY = ""
    settings.DATA_DIR = tmp_path
    return tmp_path
