"""The test suite's settings: the production settings, with what only tests may change.

pytest names this module (pyproject.toml); nothing in production imports it, so a server can
never fall into the fast, weak password hash by accident.
"""

from __future__ import annotations

import os

from palermo.settings import *  # noqa: F403
from palermo.settings import ALLOWED_HOSTS, PASSWORD_HASHERS, STORAGES, _database

ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver"]

DATABASES = {
    "default": _database(os.environ.get("PALERMO_TEST_DATABASE_URL") or "sqlite://:memory:")
}

# Argon2 at full cost would dominate the suite's time; production keeps argon2.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]

# Tests serve static files from the apps' folders; nothing is collected.
STORAGES = {**STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = None
