"""Settings for bench/page_cache: the production-like settings plus a trivial view to compare against."""

from portal.settings.ci_production import *  # noqa: F401,F403

ROOT_URLCONF = "bench_urls"

# The baseline is a plain view: it must not be answered from the page cache itself.
PAGE_CACHE_EXCLUDE_PREFIXES = [*PAGE_CACHE_EXCLUDE_PREFIXES, "/bench/"]  # noqa: F405
