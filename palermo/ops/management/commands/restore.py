from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from palermo.ops.command import PalermoCommand
from palermo.ops.services import restore


class Command(PalermoCommand):
    help = "Replace the database with the backup in FILE. Stop every Palermo server first."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["yes"]:
            answer = self.ask("This replaces the whole database. Type 'restore' to go on: ",
                              "add --yes to restore without being asked")
            if answer.strip() != "restore":
                self.stdout.write("nothing restored")
                return
        restore(options["file"])
        self.stdout.write(f"database restored from {options['file']}")
