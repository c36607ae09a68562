from typing import Any

from django.core.management.base import CommandParser

from palermo.access.services import tokens
from palermo.access.services.errors import ServiceError
from palermo.core.commands import user_by_email
from palermo.ops.command import PalermoCommand


class Command(PalermoCommand):
    help = "API tokens: 'create --user EMAIL [--name NAME]' prints a token once; " \
           "'list --user EMAIL'; 'revoke ID'."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["create", "list", "revoke"])
        parser.add_argument("token_id", nargs="?", type=int)
        parser.add_argument("--user")
        parser.add_argument("--name", default="command line")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "create":
            user = user_by_email(options["user"] or "")
            _token, raw = tokens.create(user, options["name"], actor=None)
            self.stdout.write(raw)
        elif options["action"] == "list":
            for token in tokens.owned_by(user_by_email(options["user"] or "")):
                state = "revoked" if token.revoked_at else "active"
                self.stdout.write(f"{token.pk}\t{token.prefix}…\t{token.name}\t{state}")
        else:
            found = tokens.get(options["token_id"])
            if found is None:
                raise ServiceError(f"no token {options['token_id']}", field="ID")
            tokens.revoke(found, actor=None)
            self.stdout.write(f"token {found.pk} revoked")
