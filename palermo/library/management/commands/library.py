"""``palermo library reindex``: rebuild the search index from the database."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import CommandParser

from palermo.library import indexing, services
from palermo.ops.command import PalermoCommand


class Command(PalermoCommand):
    help = "The knowledge library: 'reindex' rebuilds the search index from the database."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser("reindex", help="rebuild the search index from the database")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        count = services.reindex()
        self.stdout.write(f"library index rebuilt: {count} records in "
                          f"{time.monotonic() - started:.1f} s ({indexing.index_path()})")
