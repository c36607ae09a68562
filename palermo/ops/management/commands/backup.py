from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from palermo.ops.command import PalermoCommand
from palermo.ops.services import backup


class Command(PalermoCommand):
    help = "Write a consistent backup of the database to FILE while Palermo runs."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        target = backup(options["file"])
        self.stdout.write(f"backup written to {target}")
