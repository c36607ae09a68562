"""``palermo exchange key`` (an agency's key id and public key, for partners),
``palermo exchange trust`` (add a partner to the trust store), ``palermo exchange
import FILE`` (a case-report file brought by hand), and ``palermo exchange htcds import
FILE`` / ``htcds export`` (files of HTCDS 2.0, with the same mapping report as the page)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.core.management.base import CommandError, CommandParser

from palermo.access.services import agencies
from palermo.access.services.errors import ServiceError
from palermo.core.commands import user_by_email
from palermo.exchange import keys
from palermo.exchange.services import htcds_export, htcds_import, inbound, partners
from palermo.ops.command import PalermoCommand

if TYPE_CHECKING:
    from palermo.access.models import User


class Command(PalermoCommand):
    help = ("Case-report exchange: 'key --agency NAME' prints the agency's key id, public "
            "key and sealing key; 'trust --agency NAME --country XXX --public-key KEY "
            "[--endpoint URL] [--sealing-key KEY]' adds a partner; 'import FILE --user EMAIL' "
            "receives a case-report file for review; 'htcds import FILE --user EMAIL "
            "[--case REF] [--dry-run] [--dates dmy|mdy]' reads an HTCDS 2.0 file into cases; "
            "'htcds export --user EMAIL (--case REF | --query TEXT ...) --out FILE "
            "[--identities] [--labels]' writes cases as one.")

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        key = actions.add_parser("key", help="print an agency's key id and public key")
        key.add_argument("--agency", required=True, help="the agency's exact name")
        trust = actions.add_parser("trust", help="add a partner to the trust store")
        trust.add_argument("--agency", required=True)
        trust.add_argument("--country", required=True, help="ISO 3166 alpha-3")
        trust.add_argument("--public-key", required=True, help="base64, as 'key' prints it")
        trust.add_argument("--endpoint", default="", help="the partner's inbox address")
        trust.add_argument("--sealing-key", default="",
                           help="the partner's X25519 key, to seal messages to it")
        load = actions.add_parser("import", help="receive a case-report file for review")
        load.add_argument("file", type=Path)
        load.add_argument("--user", required=True, help="email of the receiving user")
        htcds = actions.add_parser("htcds", help="import or export a file of HTCDS 2.0")
        steps = htcds.add_subparsers(dest="step", required=True)
        read = steps.add_parser("import", help="read an HTCDS 2.0 CSV into cases")
        read.add_argument("file", type=Path)
        read.add_argument("--user", required=True, help="email of the importing user")
        read.add_argument("--case", default="", help="add the persons to this existing case")
        read.add_argument("--dry-run", action="store_true", help="check only: write nothing")
        read.add_argument("--dates", default="", choices=["", "dmy", "mdy"],
                          help="how the file writes dates with slashes (default: from the file)")
        read.add_argument("--json", action="store_true", help="the report as JSON, as the "
                          "API answers it")
        write = steps.add_parser("export", help="write cases as an HTCDS 2.0 CSV")
        write.add_argument("--user", required=True, help="email of the exporting user")
        write.add_argument("--out", required=True, type=Path, help="the file to write")
        write.add_argument("--case", default="", help="one case, by its reference")
        write.add_argument("--query", default="", help="cases whose reference or title has it")
        write.add_argument("--status", default="")
        write.add_argument("--exploitation", default="", help="a form of exploitation's code")
        write.add_argument("--identities", action="store_true",
                           help="include victims' identities (exchange.share_identity)")
        write.add_argument("--labels", action="store_true",
                           help="write values as labels, as the toolkit's drop-downs do")
        write.add_argument("--reason", default="", help="why, for a highly restricted case")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "key":
            agency = agencies.listing().filter(name=options["agency"]).first()
            if agency is None:
                raise ServiceError(f"no agency named {options['agency']!r}", field="--agency")
            key_id, public = keys.public_key_text(agency.pk)
            self.stdout.write(f"{key_id} {public} {keys.sealing_key_text(agency.pk)}")
        elif options["action"] == "trust":
            partner = partners.add(actor=None, agency=options["agency"],
                                   country=options["country"],
                                   public_key=options["public_key"],
                                   endpoint=options["endpoint"],
                                   sealing_key=options["sealing_key"])
            self.stdout.write(f"trusted {partner} with key {partner.key_id}")
        elif options["action"] == "htcds":
            self._htcds(self._user(options["user"]), options)
        else:
            user = self._user(options["user"])
            try:
                raw = options["file"].read_bytes()
            except OSError as exc:
                raise CommandError(f"{options['file']}: {exc.strerror}") from None
            report, new = inbound.receive(raw, via="file", actor=user)
            state = report.get_state_display()
            self.stdout.write(f"{'received' if new else 'already received'}: report "
                              f"{report.pk} from {report.sender_agency} ({state})")

    def _user(self, email: str) -> User:
        return user_by_email(email)

    def _htcds(self, user: User, options: dict[str, Any]) -> None:
        if options["step"] == "export":
            ids = htcds_export.select(user, reference=options["case"], query=options["query"],
                                      status=options["status"],
                                      exploitation=options["exploitation"])
            made = htcds_export.export(ids, actor=user, identities=options["identities"],
                                       labels=options["labels"], reason=options["reason"])
            options["out"].write_bytes(made.content)
            self.stdout.write(json.dumps(made.report.as_dict(), ensure_ascii=False, indent=1))
            return
        try:
            raw = options["file"].read_bytes()
        except OSError as exc:
            raise CommandError(f"{options['file']}: {exc.strerror}") from None
        report = htcds_import.import_csv(raw, actor=user, case=options["case"],
                                         dry_run=options["dry_run"],
                                         date_order=options["dates"])
        self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=1)
                          if options["json"] else "\n".join(report.lines()))
        if report.problems:
            raise CommandError(f"nothing imported: {len(report.problems)} problems, the "
                               f"first: {report.errors[0]}")
