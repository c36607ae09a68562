"""`palermo check`: configuration faults an operator should hear about before serving."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks


@checks.register("palermo")
def check_configuration(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    found: list[checks.CheckMessage] = []
    if settings.DEBUG:
        found.append(checks.Warning(
            "PALERMO_DEBUG is on: error pages show internals. Never in production.",
            id="palermo.W001"))
    if not settings.SESSION_COOKIE_SECURE:
        found.append(checks.Warning(
            "PALERMO_SECURE_COOKIES=0: session cookies travel over plain HTTP.",
            id="palermo.W002"))
    engine = settings.DATABASES["default"]["ENGINE"]
    if "sqlite" in engine and settings.DATABASES["default"]["NAME"] == ":memory:":
        found.append(checks.Error("the database is in memory: nothing would be kept",
                                  id="palermo.E002"))
    return found


@checks.register("palermo", deploy=True)
def check_deployment(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Only under `palermo check --deploy`: advice for a multi-server installation."""
    if settings.SECRET_KEY_FROM_ENVIRONMENT:
        return []
    return [checks.Info(
        f"The secret key is kept in {settings.DATA_DIR / 'secret_key'}; with several "
        "servers, set PALERMO_SECRET_KEY to the same value on each.", id="palermo.I002")]
