"""A bounded load generator for 127.0.0.1: threads on keep-alive connections, each request timed.

Every run stops after a fixed number of requests or a time limit, whichever comes first.
"""

import http.client
import statistics
import threading
import time

HOST = "127.0.0.1"


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def summary(latencies, elapsed, statuses):
    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed if elapsed else 0.0,
        "p50_ms": statistics.median(latencies) * 1000 if latencies else float("nan"),
        "p95_ms": percentile(latencies, 0.95) * 1000,
        "statuses": {str(k): v for k, v in sorted(statuses.items(), key=str)},
    }


def run(port, worker, threads, requests_per_thread, time_limit, raw=False):
    """worker(connection, deadline) → [(latency seconds, status)…]; run on `threads` threads, each with
    its own connection, `requests_per_thread` times at most and never past the time limit. With ``raw``
    the summary also holds the latencies and the elapsed time, so that rounds can be added up."""
    deadline = time.perf_counter() + time_limit
    latencies, statuses, lock = [], {}, threading.Lock()

    def loop():
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        for _ in range(requests_per_thread):
            if time.perf_counter() > deadline:
                break
            try:
                results = worker(connection)
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=30)
                results = [(0.0, "error")]
            with lock:
                for latency, status in results:
                    statuses[status] = statuses.get(status, 0) + 1
                    if status != "error":
                        latencies.append(latency)
        connection.close()

    pool = [threading.Thread(target=loop) for _ in range(threads)]
    start = time.perf_counter()
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    elapsed = time.perf_counter() - start
    figures = summary(latencies, elapsed, statuses)
    if raw:
        figures.update(latencies=latencies, elapsed=elapsed, raw_statuses=statuses)
    return figures


def get(path, headers=None):
    def worker(connection):
        start = time.perf_counter()
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        response.read()
        return [(time.perf_counter() - start, response.status)]

    return worker
