"""HTTP throughput of `palermo serve` against a bare Django view on the same server.

    .venv/bin/python bench/bench_http.py [--requests 3000] [--clients 4] [--workers 1]
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(port: int, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not start in time")


def load(port: int, path: str, headers: dict[str, str], requests: int,
         clients: int) -> tuple[float, list[float]]:
    """Send ``requests`` GETs over ``clients`` keep-alive connections; return req/s and
    per-request latencies in milliseconds."""
    latencies: list[float] = []
    lock = threading.Lock()
    share = requests // clients

    def worker() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine = []
        for _ in range(share):
            start = time.perf_counter()
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                raise SystemExit(f"{path} answered {response.status}")
            mine.append((time.perf_counter() - start) * 1000)
        connection.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    return len(latencies) / elapsed, latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "PALERMO_DATA_DIR": data, "PALERMO_BENCH_ROUTES": "1",
               "PALERMO_DATABASE_URL": f"sqlite:///{data}/bench.sqlite3"}
        palermo = str(BIN / "palermo")
        subprocess.run([palermo, "demo"], env=env, check=True, capture_output=True)
        token = subprocess.run(
            [palermo, "token", "create", "--user", "border@demo.palermo.test", "--name", "bench"],
            env=env, check=True, capture_output=True, text=True,
        ).stdout.strip()
        port = free_port()
        server = subprocess.Popen(
            [palermo, "serve", "--port", str(port), "--workers", str(args.workers)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        try:
            wait_until_up(port, time.monotonic() + 60)
            routes = [
                ("bare Django view", "/_bench/bare", {}),
                ("healthz", "/healthz", {}),
                ("API GET /me (bearer)", "/api/v1/me", {"Authorization": f"Bearer {token}"}),
            ]
            for _name, path, headers in routes:  # warm-up
                load(port, path, headers, 200, args.clients)
            baseline = None
            print(f"palermo serve, {args.workers} worker(s), SQLite; {args.clients} keep-alive "
                  f"clients on loopback, {args.requests} requests per route")
            for name, path, headers in routes:
                rate, latencies = load(port, path, headers, args.requests, args.clients)
                baseline = baseline or rate
                cuts = statistics.quantiles(latencies, n=100)
                print(f"{name:<24} {rate:8.0f} req/s  p50 {cuts[49]:6.2f} ms  "
                      f"p99 {cuts[98]:6.2f} ms  ratio to bare Django {rate / baseline:.2f}")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
