"""``palermo library reindex``: rebuild the search index from the database.
``palermo library import FOLDER|CSV --user EMAIL [--country ISO3]``: import decisions from
every document of a folder, or from a CSV of metadata naming a file on each line (relative to
the CSV's folder); a progress bar, then every file imported and every file refused, why."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser
from tqdm import tqdm

from palermo.core.commands import user_by_email
from palermo.library import indexing, services
from palermo.library.services import bulk
from palermo.ops.command import PalermoCommand


class Command(PalermoCommand):
    help = ("The knowledge library: 'reindex' rebuilds the search index from the database; "
            "'import FOLDER|CSV --user EMAIL [--country ISO3]' imports decisions.")

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser("reindex", help="rebuild the search index from the database")
        load = actions.add_parser("import", help="import decisions from a folder or a CSV")
        load.add_argument("source", type=Path, help="a folder of documents, or a CSV file")
        load.add_argument("--user", required=True, help="email of the importing editor")
        load.add_argument("--country", default="",
                          help="ISO 3166-1 alpha-3 country of decisions without one")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "import":
            self.run_import(options)
            return
        started = time.monotonic()
        count = services.reindex()
        self.stdout.write(f"library index rebuilt: {count} records in "
                          f"{time.monotonic() - started:.1f} s ({indexing.index_path()})")

    def run_import(self, options: dict[str, Any]) -> None:
        user = user_by_email(options["user"])
        source: Path = options["source"]
        if source.is_dir():
            sources = bulk.folder_sources(source)
        elif source.is_file():
            rows = bulk.read_csv(source.read_bytes())
            folder = source.parent

            def find(name: str) -> Path | None:
                path = (folder / name).resolve()
                inside = path.is_relative_to(folder.resolve())
                return path if inside and path.is_file() else None

            sources = bulk.csv_sources(rows, find)
        else:
            raise CommandError(f"{source}: no such file or folder")
        bar = tqdm(total=len(sources), unit=" files", file=sys.stderr, desc="importing",
                   disable=not sys.stderr.isatty() or options["verbosity"] == 0)
        try:
            report = bulk.import_sources(sources, actor=user, country=options["country"],
                                         progress=lambda done: bar.update(done - bar.n))
        finally:
            bar.close()
        self.stdout.write(f"{len(report.imported)} imported, {len(report.failed)} failed")
        for line in report.lines():
            self.stdout.write(line)
