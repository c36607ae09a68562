from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from palermo.audit.services import verify_chain


class Command(BaseCommand):
    help = "Work with the audit log. 'palermo audit verify' recomputes the hash chain."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args: Any, **options: Any) -> None:
        report = verify_chain()
        if not report.ok:
            raise CommandError(
                f"audit chain broken at entry {report.broken_seq}: {report.problem} "
                f"({report.checked} entries before it are intact)"
            )
        self.stdout.write(f"audit chain intact: {report.checked} entries verified")
