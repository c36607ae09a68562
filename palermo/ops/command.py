"""The base of Palermo's own commands: a refused request is one line and exit code 1."""

from __future__ import annotations

import getpass
import os
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from palermo.access.services.errors import ServiceError


class PalermoCommand(BaseCommand):
    def execute(self, *args: Any, **options: Any) -> str | None:
        try:
            return super().execute(*args, **options)
        except ServiceError as exc:
            where = f" ({exc.field})" if exc.field else ""
            raise CommandError(f"{exc.message}{where}") from None

    def ask_password(self, env_name: str, interactive: bool) -> str:
        """From the environment variable, else a prompt typed twice; never a flag, which
        would leave it in the shell's history."""
        password = os.environ.get(env_name, "")
        if password:
            return password
        if not interactive:
            raise CommandError(f"set {env_name} or run without --no-input to be asked")
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password (again): "):
            raise CommandError("the two passwords differ")
        return first
