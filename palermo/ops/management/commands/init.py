from typing import Any

from django.core.management import call_command
from django.core.management.base import CommandParser

from palermo.access.services import agencies, roles, users
from palermo.access.services.errors import ServiceError
from palermo.ops.command import PalermoCommand

UNATTENDED = ("give the administrator's email with --email and the password in "
              "PALERMO_ADMIN_PASSWORD (see palermo init --help)")


class Command(PalermoCommand):
    help = ("Migrate the database, load the default roles and create the first "
            "administrator (asked for interactively, or from flags and PALERMO_ADMIN_PASSWORD).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", help="the first administrator's email address")
        parser.add_argument("--name", default="Administrator")
        parser.add_argument("--agency", default="National Anti-Trafficking Coordinator")
        parser.add_argument("--agency-kind", default="coordinator")
        parser.add_argument("--country", default="ISR", help="ISO 3166 alpha-3")
        parser.add_argument("--no-input", action="store_false", dest="interactive")

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("database migrated")
        created = roles.sync_defaults()
        self.stdout.write(f"default roles: {created} added")
        if users.administrator_exists():
            self.stdout.write("an administrator exists already; nothing more to do")
            return
        email = options["email"]
        if not email:
            if not options["interactive"]:
                raise ServiceError("give --email for the first administrator", field="email")
            email = self.ask("Administrator's email: ", UNATTENDED).strip()
        password = self.ask_password("PALERMO_ADMIN_PASSWORD", options["interactive"],
                                     UNATTENDED)
        agency = agencies.get_or_create(name=options["agency"], kind=options["agency_kind"],
                                        country=options["country"])
        admin = users.create(
            actor=None, email=email, full_name=options["name"], agency=agency,
            roles=list(roles.with_codes(["administrator"]).values()), password=password,
            is_superuser=True,
        )
        self.stdout.write(f"administrator {admin.email} created; they set up a second factor "
                          "at first sign-in")
