"""``palermo screening import`` (watch lists from a file), ``palermo screening check``
(one check as a named user, the hits as JSON) and ``palermo screening deliver`` (the owners'
messages of hits a crash left in the outbox)."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser
from tqdm import tqdm

from palermo.access.services import agencies
from palermo.access.services.errors import ServiceError
from palermo.core.commands import user_by_email
from palermo.ops.command import PalermoCommand
from palermo.screening import offline, outbox, services
from palermo.screening.import_formats import COLUMNS
from palermo.screening.importing import ImportReport, import_file

ERRORS_SHOWN = 50


class Command(PalermoCommand):
    help = ("Watch lists: 'import KIND FILE --agency NAME' loads a CSV, JSON Lines or FtM file "
            "(see docs/screening-import.md); 'check ... --user EMAIL' screens as that user; "
            "'deliver' sends the owners' messages of hits still in the outbox.")

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        load = actions.add_parser("import", help="import a watch-list file")
        load.add_argument("kind", choices=list(COLUMNS))
        load.add_argument("file")
        load.add_argument("--agency", required=True, help="the owning agency, by name")
        load.add_argument("--batches", action="store_true",
                          help="commit good rows in batches and skip bad ones, instead of "
                               "refusing the whole file for one bad row")
        load.add_argument("--batch-size", type=int, default=10_000)
        load.add_argument("--start-line", type=int, default=1,
                          help="resume: skip the rows before this line")
        check = actions.add_parser("check", help="screen one traveller, document or vehicle")
        check.add_argument("--user", required=True, help="email of the user who checks")
        check.add_argument("--mrz", help="a file holding the MRZ, or - for standard input")
        check.add_argument("--document", default="", help="document number")
        check.add_argument("--state", default="", help="issuing state (ISO alpha-3)")
        check.add_argument("--vin", default="")
        check.add_argument("--plate", default="")
        check.add_argument("--plate-country", default="")
        check.add_argument("--name", default="")
        check.add_argument("--birth-date", help="YYYY-MM-DD or YYYY")
        check.add_argument("--nationality", help="ISO alpha-3")
        check.add_argument("--sex", choices=["M", "F", "X"])
        check.add_argument("--post", default="command line", help="where the check is made")
        check.add_argument("--reason", default="")
        actions.add_parser("deliver", help="send the owners' messages of hits left untold "
                                           "(a server does this itself every few seconds)")
        export = actions.add_parser("export", help="write the signed offline copy for a post")
        export.add_argument("file", type=Path)
        offline_check = actions.add_parser(
            "offline-check", help="check against an offline copy, with no database")
        offline_check.add_argument("copy", type=Path)
        offline_check.add_argument("--public-key", type=Path, required=True)
        offline_check.add_argument("--document", default="")
        offline_check.add_argument("--vin", default="")
        offline_check.add_argument("--plate", default="")
        offline_check.add_argument("--name", default="")
        offline_check.add_argument("--birth-date")
        offline_check.add_argument("--nationality")
        offline_check.add_argument("--sex", choices=["M", "F", "X"])

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "import":
            self.run_import(options)
        elif options["action"] == "export":
            self.run_export(options)
        elif options["action"] == "offline-check":
            self.run_offline_check(options)
        elif options["action"] == "deliver":
            self.run_deliver()
        else:
            self.run_check(options)

    def run_deliver(self) -> None:
        sent = outbox.catch_up()
        self.stdout.write(f"{sent} owner messages sent")
        left = outbox.untold()
        if left:
            raise CommandError(f"{left} screening alerts are still untold: their messages "
                               "failed (see the log); run this again once the cause is fixed")

    def run_export(self, options: dict[str, Any]) -> None:
        target: Path = options["file"]
        counts = offline.export(target)
        public = target.with_name(target.name + ".pub")
        public.write_bytes(offline.public_key())
        self.stdout.write(f"offline copy written to {target} ({counts['documents']} documents, "
                          f"{counts['vehicles']} vehicles, {counts['persons']} persons); "
                          f"the post verifies it with {public}")

    def run_offline_check(self, options: dict[str, Any]) -> None:
        from palermo.screening.engine.offline import OfflineCopyError, OfflineList

        try:
            copy = OfflineList.load(options["copy"].read_bytes(),
                                    options["public_key"].read_bytes())
        except (OSError, OfflineCopyError) as exc:
            raise CommandError(str(exc)) from None
        hits = copy.check(document=options["document"], vin=options["vin"],
                          plate=options["plate"], name=options["name"],
                          birth_date=services.birth_date(options["birth_date"]),
                          nationality=options["nationality"], sex=options["sex"])
        self.stdout.write(json.dumps({"made_at": copy.made_at,
                                      "hits": [dataclasses.asdict(h) for h in hits]},
                                     ensure_ascii=False, indent=2))

    def run_import(self, options: dict[str, Any]) -> None:
        owner = agencies.listing().filter(name=options["agency"]).first()
        if owner is None:
            raise ServiceError(f"no agency named {options['agency']!r}", field="--agency")
        bar = tqdm(unit=" rows", file=sys.stderr, desc=f"importing {options['kind']}",
                   disable=not sys.stderr.isatty() or options["verbosity"] == 0)
        try:
            report = import_file(
                options["kind"], options["file"], owner_agency=owner,
                mode="batches" if options["batches"] else "all_or_nothing",
                batch_size=options["batch_size"], start_line=options["start_line"],
                progress=lambda done: bar.update(done - bar.n))
        finally:
            bar.close()
        if report.errors and report.errors[0][1] == "header":  # not one row was read
            raise CommandError(f"{report.file}: {report.errors[0][2]}; nothing was written")
        self.stdout.write(report.summary())
        for warning in report.warnings:
            self.stdout.write(f"warning: {warning}")
        for line in error_lines(report):
            self.stdout.write(line)
        if report.stopped_at and not report.refused:
            raise CommandError(f"import stopped at line {report.stopped_at}; rows up to "
                               f"line {report.last_committed_line} were committed")
        if report.refused:
            raise CommandError(f"import refused: {report.bad} bad rows, nothing was written"
                               + ("; fix them, or use --batches to skip them"
                                  if report.mode == "all_or_nothing" else ""))

    def run_check(self, options: dict[str, Any]) -> None:
        user = user_by_email(options["user"])
        mrz = ""
        if options["mrz"]:
            source = options["mrz"]
            mrz = sys.stdin.read() if source == "-" else Path(source).read_text("utf-8")
        query = services.Query(
            mrz=mrz.strip(), document_number=options["document"],
            issuing_state=options["state"], vin=options["vin"], plate=options["plate"],
            plate_country=options["plate_country"], name=options["name"],
            birth_date=options["birth_date"], nationality=options["nationality"],
            sex=options["sex"])
        result = services.check(user, query, post=options["post"], reason=options["reason"])
        self.stdout.write(json.dumps(dataclasses.asdict(result), ensure_ascii=False, indent=2))


def error_lines(report: ImportReport) -> list[str]:
    lines = [f"line {line}: {field}: {message}"
             for line, field, message in report.errors[:ERRORS_SHOWN]]
    more = len(report.errors) - ERRORS_SHOWN + report.unlisted_errors
    if more > 0:
        lines.append(f"… and {more} more")
    return lines
