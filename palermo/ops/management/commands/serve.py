from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandParser
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from granian import Granian
from granian.constants import Interfaces
from granian.log import LogLevels

from palermo.access.services.errors import ServiceError
from palermo.ops.command import PalermoCommand


class Command(PalermoCommand):
    help = ("Serve Palermo with Granian, a production HTTP server; static files through "
            "whitenoise. Every view is synchronous, so the WSGI interface is served: Django's "
            "ASGI handler costs about four times the throughput (see docs/architecture.md).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=1, help="processes")
        parser.add_argument("--threads", type=int, default=4, help="threads per process")
        parser.add_argument("--backpressure", type=int, default=None,
                            help="requests a process takes in at once, waiting for a thread "
                                 "(default 8 per thread)")
        parser.add_argument("--cert", type=Path, help="TLS certificate (PEM)")
        parser.add_argument("--key", type=Path, help="TLS private key (PEM)")

    def handle(self, *args: Any, **options: Any) -> None:
        backpressure = self._backpressure(options)
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            raise ServiceError("the database needs migrating: run 'palermo init' first")
        if bool(options["cert"]) != bool(options["key"]):
            raise ServiceError("TLS needs both --cert and --key", field="--cert")
        call_command("collectstatic", interactive=False, verbosity=0)
        if connection.vendor == "sqlite":
            # Planner statistics for SQLite (PostgreSQL's autovacuum keeps its own).
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA optimize")
        connection.close()
        if settings.DEBUG:
            self.stderr.write("warning: PALERMO_DEBUG is on; never in production")
        scheme = "https" if options["cert"] else "http"
        self.stdout.write(f"Palermo serving on {scheme}://{options['host']}:{options['port']}/")
        self.stdout.flush()
        Granian(
            "palermo.wsgi:application", address=options["host"], port=options["port"],
            interface=Interfaces.WSGI, workers=options["workers"],
            blocking_threads=options["threads"], backpressure=backpressure,
            log_level=LogLevels.warning,
            ssl_cert=options["cert"], ssl_key=options["key"],
        ).serve()

    @staticmethod
    def _backpressure(options: dict[str, Any]) -> int:
        """Requests taken in per process. With only as many as threads, the connections
        Granian does not take wait unfairly: some waited seconds for their first answer
        under 32 keep-alive connections (bench/bench_screening_http.py). Taken in, they wait
        for a thread in turn."""
        value = options["backpressure"]
        if value is not None and value < 1:
            raise ServiceError("--backpressure must be at least 1", field="--backpressure")
        return int(value) if value is not None else 8 * int(options["threads"])
