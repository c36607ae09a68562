"""The base of Palermo's own commands: a refused request is one line and exit code 1."""

from __future__ import annotations

import getpass
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from palermo.access.services.errors import ServiceError


class PalermoCommand(BaseCommand):
    def execute(self, *args: Any, **options: Any) -> str | None:
        try:
            return super().execute(*args, **options)
        except ServiceError as exc:
            where = f" ({exc.field})" if exc.field else ""
            raise CommandError(f"{exc.message}{where}") from None

    def ask(self, prompt: str, instead: str, *, secret: bool = False) -> str:
        """A line typed at the terminal. With nobody to type it (input closed, as in a
        script or ``</dev/null``), one line saying what to give ``instead`` and exit code 2,
        the code of a command used wrongly."""
        try:
            return getpass.getpass(prompt) if secret else input(prompt)
        except EOFError:
            self.stdout.write("")  # ends the prompt's line, so the error starts its own
            raise CommandError(f"nothing was typed at “{prompt.strip()}”: {instead}",
                               returncode=2) from None

    def ask_password(self, env_name: str, interactive: bool, instead: str = "") -> str:
        """From the environment variable, else a prompt typed twice; never a flag, which
        would leave it in the shell's history."""
        password = getattr(settings, env_name)
        if password:
            return password
        if not interactive:
            raise CommandError(f"set {env_name} or run without --no-input to be asked")
        instead = instead or f"set {env_name}"
        first = self.ask("Password: ", instead, secret=True)
        if first != self.ask("Password (again): ", instead, secret=True):
            raise CommandError("the two passwords differ")
        return first
