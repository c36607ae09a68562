"""``palermo messaging rotate-key`` (a new key for message content; everything is sealed
again with it and the old key is dropped) and ``palermo messaging new-key`` (a key to put in
PALERMO_MESSAGE_KEY)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandParser
from tqdm import tqdm

from palermo.messaging import crypto, rotation
from palermo.ops.command import PalermoCommand


class Command(PalermoCommand):
    help = ("Message encryption keys: 'rotate-key' adds a key, seals every message, "
            "attachment and request again with it and drops the old key; 'new-key' prints a "
            "key for PALERMO_MESSAGE_KEY. See docs/operations.md.")

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        rotate = actions.add_parser("rotate-key", help="replace the message key")
        rotate.add_argument("--batch-size", type=int, default=200)
        rotate.add_argument("--no-progress", action="store_true",
                            help="no progress bar (for logs)")
        actions.add_parser("new-key", help="print a new key with an id, for "
                                           "PALERMO_MESSAGE_KEY")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "new-key":
            self.stdout.write(f"{crypto.new_key_id()}:{crypto.new_key_text()}")
            return
        total = rotation.stale_rows("") if not options["no_progress"] else 0
        with tqdm(total=total, unit="row", disable=options["no_progress"],
                  file=self.stderr._out) as bar:
            report = rotation.rotate(batch_size=max(1, options["batch_size"]),
                                     progress=bar.update)
        self.stdout.write(f"current key: {report.new_key}")
        self.stdout.write(f"rows sealed again: {report.resealed}")
        if crypto.keyring().from_environment:
            if report.retired:
                self.stdout.write("no row needs these keys any more; remove them from "
                                  f"PALERMO_MESSAGE_KEY: {', '.join(report.retired)}")
        elif report.retired:
            self.stdout.write(f"keys dropped: {', '.join(report.retired)}")
        if report.kept:
            self.stdout.write(f"keys still needed by some rows (run again): "
                              f"{', '.join(report.kept)}")
