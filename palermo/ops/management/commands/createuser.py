from typing import Any

from django.core.management.base import CommandParser

from palermo.access.services import agencies, roles, users
from palermo.access.services.errors import ServiceError
from palermo.ops.command import PalermoCommand


class Command(PalermoCommand):
    help = "Create a user in an agency with roles. The password comes from PALERMO_PASSWORD " \
           "or a prompt."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", required=True)
        parser.add_argument("--name", required=True, help="full name")
        parser.add_argument("--agency", required=True, help="the agency's exact name")
        parser.add_argument("--role", action="append", default=[], help="a role code; repeat")
        parser.add_argument("--no-input", action="store_false", dest="interactive")

    def handle(self, *args: Any, **options: Any) -> None:
        agency = agencies.named(options["agency"])
        if agency is None:
            raise ServiceError(f"no agency named {options['agency']!r}", field="--agency")
        found = roles.with_codes(options["role"])
        missing = [code for code in options["role"] if code not in found]
        if missing:
            raise ServiceError(f"no role {missing[0]!r}", field="--role")
        password = self.ask_password("PALERMO_PASSWORD", options["interactive"])
        user = users.create(actor=None, email=options["email"], full_name=options["name"],
                            agency=agency, roles=list(found.values()), password=password)
        self.stdout.write(f"created {user.email} in {agency.name}")
