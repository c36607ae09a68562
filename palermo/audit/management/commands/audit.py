import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from palermo.audit import services


class Command(BaseCommand):
    help = "Work with the audit log. 'palermo audit verify' recomputes the hash chain."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args: Any, **options: Any) -> None:
        events = tqdm(
            services.all_events(), total=services.count(), unit=" entries", file=sys.stderr,
            disable=not sys.stderr.isatty() or options["verbosity"] == 0,
            desc="verifying",
        )
        report = services.verify_chain(events)
        events.close()
        if not report.ok:
            raise CommandError(
                f"audit chain broken at entry {report.broken_seq}: {report.problem} "
                f"({report.checked} entries before it are intact)"
            )
        self.stdout.write(f"audit chain intact: {report.checked} entries verified")
