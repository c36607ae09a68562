"""``palermo exchange key`` (an agency's key id and public key, for partners),
``palermo exchange trust`` (add a partner to the trust store), and ``palermo exchange
import FILE`` (a case-report file brought by hand)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from palermo.access.models import User
from palermo.access.services import agencies
from palermo.access.services.errors import ServiceError
from palermo.exchange import keys
from palermo.exchange.services import inbound, partners
from palermo.ops.command import PalermoCommand


class Command(PalermoCommand):
    help = ("Case-report exchange: 'key --agency NAME' prints the agency's key id, public "
            "key and sealing key; 'trust --agency NAME --country XXX --public-key KEY "
            "[--endpoint URL] [--sealing-key KEY]' adds a partner; 'import FILE --user EMAIL' "
            "receives a case-report file for review.")

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
        else:
            user = User.objects.filter(email__iexact=options["user"], is_active=True).first()
            if user is None:
                raise ServiceError(f"no active user {options['user']!r}", field="--user")
            try:
                raw = options["file"].read_bytes()
            except OSError as exc:
                raise CommandError(f"{options['file']}: {exc.strerror}") from None
            report, new = inbound.receive(raw, via="file", actor=user)
            state = report.get_state_display()
            self.stdout.write(f"{'received' if new else 'already received'}: report "
                              f"{report.pk} from {report.sender_agency} ({state})")
