"""``palermo notices sweep`` (the daily job: expiry and lapsed suspensions) and
``palermo notices import|export`` (INTERPOL's public-notice JSON)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from palermo.core.commands import user_by_email
from palermo.notices.services import interpol, lifecycle
from palermo.ops.command import PalermoCommand


class Command(PalermoCommand):
    help = ("Notices: 'sweep' ends expired notices and resumes lapsed suspensions (run it "
            "daily); 'import FILE --user EMAIL' loads INTERPOL-format public notices; "
            "'export FILE --user EMAIL' writes published notices in that format.")

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser("sweep", help="expire notices and resume lapsed suspensions")
        load = actions.add_parser("import", help="import INTERPOL-format public notices")
        load.add_argument("file", type=Path)
        load.add_argument("--user", required=True, help="email of the importing user")
        load.add_argument("--colour", default=None,
                          help="the notice type, when neither the records' links nor the "
                               "list's say it (INTERPOL's files and Palermo's exports do)")
        load.add_argument("--skip-bad", action="store_true",
                          help="import the good records and skip malformed ones")
        export = actions.add_parser("export", help="write published notices as INTERPOL JSON")
        export.add_argument("file", type=Path)
        export.add_argument("--user", required=True, help="email of the exporting user")
        export.add_argument("--colour", default="", help="only notices of this type")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "sweep":
            done = lifecycle.sweep()
            self.stdout.write(f"{done['expired']} notices expired, "
                              f"{done['resumed']} suspensions ended")
        elif options["action"] == "import":
            self.run_import(options)
        else:
            data = interpol.export_for(user_by_email(options["user"]), colour=options["colour"])
            options["file"].write_text(json.dumps(data, ensure_ascii=False, indent=1),
                                       encoding="utf-8")
            self.stdout.write(f"{data['total']} notices written to {options['file']}")

    def run_import(self, options: dict[str, Any]) -> None:
        try:
            content = options["file"].read_bytes()
        except OSError as exc:
            raise CommandError(f"{options['file']}: {exc.strerror}") from None
        report = interpol.import_notices(content, actor=user_by_email(options["user"]),
                                         colour=options["colour"],
                                         skip_bad=options["skip_bad"])
        for position, reason in report.errors:
            self.stdout.write(f"record {position}: {reason}")
        if not report.imported:
            raise CommandError(f"import refused: {len(report.errors)} malformed records, "
                               "nothing was written; fix them or use --skip-bad")
        self.stdout.write(f"{report.created} notices created, {report.updated} updated, "
                          f"{report.skipped} skipped")
