from typing import Any

from django.core.management import call_command

from palermo.ops.command import PalermoCommand
from palermo.ops.services import seed_demo


class Command(PalermoCommand):
    help = "Migrate, then seed demo agencies, users and records. Safe to run again."

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        seed_demo(self.stdout.write)
