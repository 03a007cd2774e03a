"""Requests per second of a few URLs, each over keep-alive connections from a few threads.

Usage: throughput.py BASE BASELINE_PATH PATH…  — prints each path's rate and its ratio to the baseline.
Bounded by a fixed number of requests per path; the first requests warm the cache and are not counted.
"""

import http.client
import sys
import threading
import time
from urllib.parse import urlsplit

THREADS = 4
REQUESTS_PER_THREAD = 500
WARM_UP = 20


def hammer(host, port, path, count, statuses):
    connection = http.client.HTTPConnection(host, port, timeout=30)
    for _ in range(count):
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        statuses[response.status] = statuses.get(response.status, 0) + 1
        statuses.setdefault("cache", response.getheader("X-Page-Cache"))
    connection.close()


def rate(host, port, path):
    hammer(host, port, path, WARM_UP, {})
    statuses = {}
    threads = [threading.Thread(target=hammer, args=(host, port, path, REQUESTS_PER_THREAD, statuses)) for _ in range(THREADS)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    return THREADS * REQUESTS_PER_THREAD / elapsed, statuses


def main():
    base, baseline, *paths = sys.argv[1:]
    parts = urlsplit(base)
    base_rate, base_statuses = rate(parts.hostname, parts.port, baseline)
    print(f"{'path':<48} {'req/s':>8} {'ratio':>6}  statuses")
    print(f"{baseline:<48} {base_rate:>8.0f} {1:>6.2f}  {base_statuses}")
    for path in paths:
        path_rate, statuses = rate(parts.hostname, parts.port, path)
        print(f"{path:<48} {path_rate:>8.0f} {path_rate / base_rate:>6.2f}  {statuses}")


if __name__ == "__main__":
    main()
