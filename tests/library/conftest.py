from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(autouse=True)
def data_dir(settings: Any, tmp_path: Any) -> Any:
    """Each test gets its own data directory, so its own search index."""
    settings.DATA_DIR = tmp_path
    return tmp_path


@pytest.fixture
def editor(user_with: Any) -> Any:
    return user_with("coordinator")


@pytest.fixture
def reader(user_with: Any) -> Any:
    return user_with("prosecutor")
