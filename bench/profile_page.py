"""Profiles the slowest uncached page in process with pyinstrument; the text report goes to bench/results/."""

import time

from report import RESULTS


def profile_slowest(page_figures, rounds=20):
    from django.test import Client, override_settings
    from pyinstrument import Profiler

    uncached = {name: f for name, f in page_figures.items() if name.endswith("(uncached)")}
    name = min(uncached, key=lambda n: uncached[n]["rps"])
    path = uncached[name]["path"]
    with override_settings(PAGE_CACHE_SECONDS=0):
        client = Client()
        client.get(path)
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _ in range(rounds):
            client.get(path)
        profiler.stop()
    RESULTS.mkdir(exist_ok=True)
    target = RESULTS / f"profile-{time.strftime('%Y%m%d-%H%M%S')}.txt"
    target.write_text(profiler.output_text(unicode=True, color=False, show_all=False))
    return {"page": name, "path": path, "rounds": rounds, "report": str(target)}
