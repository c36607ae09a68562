"""A scratch Palermo for a benchmark: its own data directory and database, migrated.

    from scratch import scratch_palermo
    data = scratch_palermo("sqlite")   # or "postgresql" (database palermo_bench on 127.0.0.1)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
PG_BENCH = "postgresql://postgres@127.0.0.1:5432/palermo_bench"


def scratch_palermo(database: str = "sqlite", *, static: bool = False) -> Path:
    """Point Django at a new data directory and an empty database, set it up and migrate.
    Call before importing anything from palermo that touches models."""
    data = Path(tempfile.mkdtemp(prefix="palermo-bench-"))
    os.environ["PALERMO_DATA_DIR"] = str(data)
    if database == "postgresql":
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS palermo_bench WITH (FORCE)")
            conn.execute("CREATE DATABASE palermo_bench")
        os.environ["PALERMO_DATABASE_URL"] = PG_BENCH
    else:
        os.environ["PALERMO_DATABASE_URL"] = f"sqlite:///{data}/bench.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "palermo.settings"
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if static:
        call_command("collectstatic", interactive=False, verbosity=0)
    return data
