"""Profiles the slowest uncached page in process with pyinstrument; the text report goes to bench/results/.

On its own, against the database bench/run built, it profiles the paths it is given (page cache off)::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mahalle_bench REDIS_URL=redis://127.0.0.1:6379/5 \
    DJANGO_SETTINGS_MODULE=bench_settings PYTHONPATH=bench .venv/bin/python bench/profile_page.py /news/ /directory/
"""

import re
import time

from report import RESULTS


def profile_slowest(page_figures, rounds=20):
    uncached = {name: f for name, f in page_figures.items() if name.endswith("(uncached)")}
    name = min(uncached, key=lambda n: uncached[n]["rps"])
    return profile(name, uncached[name]["path"], rounds)


def profile(name, path, rounds=20):
    from django.test import Client, override_settings
    from pyinstrument import Profiler

    with override_settings(PAGE_CACHE_SECONDS=0):
        client = Client()
        client.get(path)
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _ in range(rounds):
            client.get(path)
        profiler.stop()
    RESULTS.mkdir(exist_ok=True)
    slug = re.sub(r"\W+", "-", path).strip("-")[:40] or "home"
    target = RESULTS / f"profile-{time.strftime('%Y%m%d-%H%M%S')}-{slug}.txt"
    target.write_text(profiler.output_text(unicode=True, color=False, show_all=False))
    return {"page": name, "path": path, "rounds": rounds, "report": str(target)}


if __name__ == "__main__":
    import sys

    import django

    django.setup()
    for path in sys.argv[1:]:
        print(profile(path, path))
