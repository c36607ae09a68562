"""``palermo insights``: one command, one subcommand per job. Each subcommand is a parser
set up in ``add_arguments`` and a ``run_<name>`` method (dashes become underscores), which
``handle`` dispatches to."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from palermo.core.commands import user_by_email
from palermo.ops.command import PalermoCommand


class Command(PalermoCommand):
    help = ("Insights: 'glotip FILE --user EMAIL' imports a UNODC GLOTIP data file; "
            "'open-data --k 11 --out FILE --user EMAIL' writes the k-anonymised open data; "
            "'report --year 2026 --format pdf|html|xlsx [--language en|he] --out FILE "
            "--user EMAIL' writes the annual report.")

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        glotip = actions.add_parser("glotip", help="import a UNODC GLOTIP data file (CSV/XLSX)")
        glotip.add_argument("file", type=Path)
        glotip.add_argument("--user", required=True, help="email of the user who imports")
        glotip.add_argument("--release-date", help="the release's date, YYYY-MM-DD, for a file "
                                                   "whose preamble gives none (default: today)")
        open_data = actions.add_parser("open-data", help="write the k-anonymised open data CSV")
        open_data.add_argument("--k", type=int, default=11)
        open_data.add_argument("--out", type=Path, required=True)
        open_data.add_argument("--user", required=True, help="email of the user who exports")
        open_data.add_argument("--year-from", type=int)
        open_data.add_argument("--year-to", type=int)
        report = actions.add_parser("report", help="write the national annual report")
        report.add_argument("--year", required=True)
        report.add_argument("--format", choices=["pdf", "html", "xlsx"], default="pdf")
        report.add_argument("--language", choices=["en", "he"], default="en")
        report.add_argument("--out", type=Path, required=True)
        report.add_argument("--user", required=True, help="email of the user it is made for")

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, "run_" + options["action"].replace("-", "_"))(options)

    def run_glotip(self, options: dict[str, Any]) -> None:
        from django.utils.translation import gettext

        from palermo.access.services.errors import ServiceError
        from palermo.insights.engine.glotip import GlotipError
        from palermo.insights.services import global_figures

        actor = user_by_email(options["user"])
        try:
            data = options["file"].read_bytes()
        except OSError as exc:
            raise CommandError(f"{options['file']}: {exc.strerror}") from None
        try:
            release = global_figures.import_glotip(
                actor, data, file_name=options["file"].name,
                release_date=options["release_date"])
        except GlotipError as exc:
            raise CommandError(f"{options['file']}: {exc.translated(gettext)}; "
                               "nothing was written") from None
        except ServiceError as exc:
            raise CommandError(f"{options['file']}: {exc.message} Nothing was written.") from None
        repeated = (f" ({release.repeated_rows} rows repeating another exactly were read once)"
                    if release.repeated_rows else "")
        self.stdout.write(f"imported {release.figure_count} figures from {release.file_name}, "
                          f"released {release.release_date:%d/%m/%Y}{repeated}")

    def run_open_data(self, options: dict[str, Any]) -> None:
        from palermo.insights.services.open_data import open_data_export

        actor = user_by_email(options["user"])
        data, report = open_data_export(actor, k=options["k"], year_from=options["year_from"],
                                        year_to=options["year_to"])
        options["out"].write_bytes(data)
        self.stdout.write(f"{report.records_out} records written to {options['out']} "
                          f"(k = {report.k}, {report.records_suppressed} suppressed)")

    def run_report(self, options: dict[str, Any]) -> None:
        from palermo.insights.services import report

        made = report.build(user_by_email(options["user"]), options["year"],
                            language=options["language"])
        data = report.render(made, options["format"])
        try:
            options["out"].write_bytes(data)
        except OSError as exc:
            raise CommandError(f"{options['out']}: {exc.strerror}") from None
        self.stdout.write(f"annual report {made.year} ({options['language']}, "
                          f"{options['format']}, {len(data)} bytes) written to {options['out']}")

