"""Document screening over HTTP: POST /api/v1/screening/check against watch-listed
documents, served by `palermo serve`, against a bare view of the same server.

    .venv/bin/python bench/bench_screening_http.py [--database sqlite|postgresql]
        [--documents 10000000] [--requests 20000] [--connections 32] [--hits 0.0001,0.2]
        [--workers 2] [--threads 4] [--postgresql-url postgresql://postgres@127.0.0.1:5432]

Goals (2 workers; the bare view in the same run): at the realistic hit rate (1 check in
10,000 names a listed document: INTERPOL's SLTD and SIS both answer about that) the check's
throughput is at least 70% of the bare endpoint's (`PALERMO_BENCH_ROUTES=1` routes
`/_bench/bare`, a view that returns a constant); at 20% hits (the stress case) at least 40%;
the check's p99 at most twice the bare view's. Each rate in ``--hits`` is one line, after the
bare view, in the same run; the server's memory is reported.

Between them, the framework's floor for the check: ``check-shaped`` takes the check's token,
body and answer schema through the same API and returns an empty answer, with nothing looked
up or audited. It shows how much of the distance to the bare view is the API's own (token,
JSON, validation) and how much is the check.

``--database sqlite`` (the default) makes the data directory and its SQLite file in a
temporary directory; ``--database postgresql`` makes a scratch database on the server of
``--postgresql-url`` (dropped at the end). The documents are generated from a fixed seed and
written straight into the watch-list table (executemany on SQLite, COPY on PostgreSQL; the
import command's checks cost ~40 s per million, which is not what is measured here); its
indexes are dropped for the load and made again from the schema's own SQL, so the server
answers through the product's models, queries and indexes. Each check is a real one: the
bearer token is checked, the document looked up (exact and OCR-confusable numbers), the check
audited and, for a hit, an alert written.

The server runs two Granian worker processes by default, one per core of the machine this
was measured on: a second worker raised the check's throughput by about a fifth (and the
bare view's by more); more workers than cores were not measured. The bare
view is served by the same server, through the same middleware, so the ratio compares like
with like; the load average is printed at the end, because other work shares the cores.

The load client is asyncio with one coroutine per connection and one request in flight on
each, as 32 frontline posts would be; it shares the two cores with the server, for the bare
view and the check alike, so the ratio is the figure to read.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import sqlite3
import statistics
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_http import free_port, wait_until_up

BIN = Path(sys.executable).parent
STATES = ["ISR", "UKR", "MDA", "ROU", "BGR", "NGA", "ERI", "ETH", "THA", "PHL", "VNM", "CHN",
          "RUS", "BLR", "GEO", "ARM", "UZB", "KGZ", "IND", "NPL", "BRA", "COL", "VEN", "MEX",
          "USA", "GBR", "FRA", "DEU", "ITA", "ESP"]
STATUSES = ["stolen", "stolen", "stolen", "lost", "lost", "revoked", "stolen_blank"]
SEED = 20240501


def document(i: int, rng: random.Random) -> tuple[str, str]:
    """The i-th listed document; the running number keeps (number, state) unique."""
    letters = string.ascii_uppercase
    return f"{rng.choice(letters)}{i:08d}{rng.choice(letters)}", rng.choice(STATES)


def load_documents(db: Path, count: int) -> list[tuple[str, str]]:
    """Write ``count`` documents into the watch list; return a sample of them to ask for."""
    conn = sqlite3.connect(db)
    table = "screening_watcheddocument"
    owner = conn.execute("SELECT id FROM access_agency ORDER BY id LIMIT 1").fetchone()[0]
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
        "AND sql IS NOT NULL", (table,)).fetchall()
    for name, _sql in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    conn.execute("PRAGMA synchronous = OFF")
    sql = (f"INSERT INTO {table} (number, issuing_state, status, kind, reported_on, source, "  # noqa: S608 -- our own names
           "source_id, notes, owner_agency_id, created_at) "
           "VALUES (?, ?, ?, ?, ?, 'sltd', ?, '', ?, CURRENT_TIMESTAMP)")
    rng = random.Random(SEED)
    sample: list[tuple[str, str]] = []
    every = max(1, count // 5000)
    batch: list[tuple[object, ...]] = []
    for i in range(count):
        number, state = document(i, rng)
        if i % every == 0:
            sample.append((number, state))
        batch.append((number, state, STATUSES[i % len(STATUSES)],
                       "passport" if i % 5 else "id_card",
                       f"{2015 + i % 10}-{1 + i % 12:02d}-{1 + i % 28:02d}", f"S{i}", owner))
        if len(batch) == 50_000:
            conn.executemany(sql, batch)
            batch = []
    conn.executemany(sql, batch)
    conn.commit()
    for _name, index_sql in indexes:
        conn.execute(index_sql)
    conn.execute("ANALYZE")
    conn.commit()
    conn.close()
    return sample


def load_documents_postgresql(url: str, count: int) -> list[tuple[str, str]]:
    """As ``load_documents``, by COPY into the scratch PostgreSQL database at ``url``."""
    import psycopg

    rng = random.Random(SEED)
    sample: list[tuple[str, str]] = []
    every = max(1, count // 5000)
    with psycopg.connect(url, autocommit=True) as conn:
        owner = conn.execute("SELECT id FROM access_agency ORDER BY id LIMIT 1").fetchone()
        columns = ("number, issuing_state, status, kind, reported_on, source, source_id, "
                   "notes, owner_agency_id, created_at")
        with conn.cursor().copy(
                f"COPY screening_watcheddocument ({columns}) FROM STDIN") as copy:
            for i in range(count):
                number, state = document(i, rng)
                if i % every == 0:
                    sample.append((number, state))
                copy.write_row((number, state, STATUSES[i % len(STATUSES)],
                                "passport" if i % 5 else "id_card",
                                f"{2015 + i % 10}-{1 + i % 12:02d}-{1 + i % 28:02d}", "sltd",
                                f"S{i}", "", owner[0], "2026-01-01T00:00:00Z"))
        conn.execute("ANALYZE screening_watcheddocument")
    return sample


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (Granian runs workers as children)."""
    total = 0.0
    children: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children += [int(c) for c in (task / "children").read_text().split()]
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            total += int(line.split()[1]) / 1024
    return total + sum(rss_mb(child) for child in children)


async def _connection(port: int, requests: list[bytes], latencies: list[float]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for raw in requests:
        start = time.perf_counter()
        writer.write(raw)
        head = await reader.readuntil(b"\r\n\r\n")
        status = head[9:12]
        length = 0
        for line in head.split(b"\r\n"):
            if line[:15].lower() == b"content-length:":
                length = int(line[15:])
        body = await reader.readexactly(length)
        if status != b"200":
            raise SystemExit(f"answered {status.decode()}: {body[:300]!r}")
        latencies.append((time.perf_counter() - start) * 1000)
    writer.close()


def load(port: int, requests: list[bytes], connections: int) -> tuple[float, list[float]]:
    """Send the requests over ``connections`` keep-alive connections, one in flight on each;
    return req/s and latencies in milliseconds."""
    latencies: list[float] = []
    shares = [requests[i::connections] for i in range(connections)]

    async def run() -> None:
        await asyncio.gather(*(_connection(port, share, latencies) for share in shares))

    began = time.perf_counter()
    asyncio.run(run())
    return len(latencies) / (time.perf_counter() - began), latencies


def get(path: str) -> bytes:
    return f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()


def post(path: str, token: str, payload: dict[str, object]) -> bytes:
    body = json.dumps(payload).encode()
    return (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
            ).encode() + body


def checks(sample: list[tuple[str, str]], count: int, hits: float, token: str,
           path: str = "/api/v1/screening/check") -> list[bytes]:
    rng = random.Random(SEED + 1)
    out = []
    for _ in range(count):
        if rng.random() < hits:
            number, state = rng.choice(sample)
        else:
            # Nine digits: never one of the listed numbers, which have eight.
            number = f"X{rng.randrange(10**9):09d}"
            state = rng.choice(STATES)
        out.append(post(path, token, {
            "document": {"number": number, "issuing_state": state}, "post": "bench"}))
    return out


def report(name: str, rate: float, latencies: list[float], baseline: float,
           bare_p99: float) -> float:
    cuts = statistics.quantiles(latencies, n=100)
    # The mean as well: the server takes a few connections at a time (backpressure = its
    # threads), so the others wait before their first answer and the percentiles alone
    # flatter it.
    print(f"{name:<40} {rate:7.0f} req/s  p50 {cuts[49]:6.2f} ms  p99 {cuts[98]:6.2f} ms  "
          f"mean {statistics.fmean(latencies):6.2f} ms  max {max(latencies):5.0f} ms  "
          f"p99 to bare {cuts[98] / bare_p99:.2f}  ratio to bare {rate / baseline:.2f}",
          flush=True)
    return cuts[98]


def hit_label(rate: float) -> str:
    return f"1 in {round(1 / rate):,} hits" if 0 < rate < 0.01 else f"{rate:.0%} hits"


def scratch_postgresql(server_url: str) -> str:
    """A new, empty database on the PostgreSQL server; its URL."""
    import psycopg

    name = f"palermo_bench_{os.getpid()}"
    with psycopg.connect(f"{server_url}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{server_url}/{name}"


def drop_postgresql(url: str) -> None:
    import psycopg

    server_url, name = url.rsplit("/", 1)
    with psycopg.connect(f"{server_url}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=10_000_000)
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--postgresql-url", default="postgresql://postgres@127.0.0.1:5432",
                        help="the PostgreSQL server (no database name) for --database postgresql")
    parser.add_argument("--hits", default="0.0001,0.2",
                        help="hit rates, comma-separated: one result line each")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    rates = [float(rate) for rate in args.hits.split(",")]

    data = Path(tempfile.mkdtemp(prefix="palermo-bench-", dir="/tmp"))
    db = data / "bench.sqlite3"
    url = (scratch_postgresql(args.postgresql_url) if args.database == "postgresql"
           else f"sqlite:///{db}")
    try:
        env = {**os.environ, "PALERMO_DATA_DIR": str(data), "PALERMO_BENCH_ROUTES": "1",
               "PALERMO_DATABASE_URL": url}
        palermo = str(BIN / "palermo")
        subprocess.run([palermo, "demo"], env=env, check=True, capture_output=True)
        token = subprocess.run(
            [palermo, "token", "create", "--user", "border@demo.palermo.test", "--name", "bench"],
            env=env, check=True, capture_output=True, text=True,
        ).stdout.strip()
        start = time.perf_counter()
        if args.database == "postgresql":
            sample = load_documents_postgresql(url, args.documents)
            print(f"loaded {args.documents} documents in {time.perf_counter() - start:.0f} s "
                  "(PostgreSQL)", flush=True)
        else:
            sample = load_documents(db, args.documents)
            print(f"loaded {args.documents} documents in {time.perf_counter() - start:.0f} s "
                  f"(database {db.stat().st_size / 1e9:.2f} GB)", flush=True)
        port = free_port()
        server = subprocess.Popen(
            [palermo, "serve", "--port", str(port), "--workers", str(args.workers),
             "--threads", str(args.threads)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        try:
            try:
                wait_until_up(port, time.monotonic() + 300)
            except SystemExit:
                server.terminate()
                raise SystemExit(server.communicate(timeout=30)[1].decode()[-2000:]) from None
            bare = [get("/_bench/bare")] * args.requests
            shaped = checks(sample, args.requests, 0, token,
                            "/api/v1/screening/_bench/check-shaped")
            work = {rate: checks(sample, args.requests, rate, token) for rate in rates}
            load(port, bare[:2000], args.connections)  # warm-up
            load(port, work[rates[0]][:2000], args.connections)
            print(f"palermo serve, {args.workers} worker(s) x {args.threads} threads, "
                  f"{args.database}, {args.documents} documents; {args.connections} keep-alive "
                  f"connections on loopback, {args.requests} requests per route; "
                  f"the bare view is served by the same server", flush=True)
            baseline, latencies = load(port, bare, args.connections)
            bare_p99 = statistics.quantiles(latencies, n=100)[98]
            report("bare view (GET, constant)", baseline, latencies, baseline, bare_p99)
            done, latencies = load(port, shaped, args.connections)
            report("POST screening/_bench/check-shaped", done, latencies, baseline, bare_p99)
            for rate in rates:
                done, latencies = load(port, work[rate], args.connections)
                report(f"POST screening/check document, {hit_label(rate)}", done, latencies,
                       baseline, bare_p99)
            print(f"server memory (RSS, all processes) {rss_mb(server.pid):.0f} MB; "
                  f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
                  f"(2 cores shared with other work)")
        finally:
            server.terminate()
            server.wait(timeout=30)
    finally:
        shutil.rmtree(data, ignore_errors=True)
        if args.database == "postgresql":
            drop_postgresql(url)


if __name__ == "__main__":
    main()
