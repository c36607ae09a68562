from typing import Any

import uvicorn
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandParser
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from palermo.access.services.errors import ServiceError
from palermo.ops.command import PalermoCommand


class Command(PalermoCommand):
    help = "Serve Palermo with uvicorn (ASGI); static files through whitenoise."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=1)
        parser.add_argument("--proxy-headers", action="store_true",
                            help="trust X-Forwarded-* from the proxy in front")

    def handle(self, *args: Any, **options: Any) -> None:
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            raise ServiceError("the database needs migrating: run 'palermo init' first")
        call_command("collectstatic", interactive=False, verbosity=0)
        if settings.DEBUG:
            self.stderr.write("warning: PALERMO_DEBUG is on; never in production")
        self.stdout.write(f"Palermo serving on http://{options['host']}:{options['port']}/")
        uvicorn.run(
            "palermo.asgi:application", host=options["host"], port=options["port"],
            workers=options["workers"], proxy_headers=options["proxy_headers"],
            forwarded_allow_ips="*" if options["proxy_headers"] else None,
            log_level="warning", access_log=False, server_header=False,
        )
