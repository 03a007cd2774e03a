"""A Redis cache that degrades to misses while Redis is unreachable.

Django's RedisCache raises redis' ConnectionError from every call, so a Redis outage would turn
every page into an error. The cache only ever holds what can be rebuilt (rendered pages, renditions'
URLs, sessions that cached_db also keeps in PostgreSQL, rate-limit counters), so while Redis is away
reads miss, writes are dropped and the site keeps answering from PostgreSQL. Rate limits then fail
open or closed as RATELIMIT_FAIL_OPEN says (see the README).

``ping()`` still raises, so /health/ reports the outage.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("portal.cache")

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, OSError)
# One warning per this many seconds, not one per request, while Redis is away.
WARN_EVERY = 30


class ResilientRedisCache(RedisCache):
    _last_warning = 0.0

    def _unavailable(self, operation, error):
        now = time.monotonic()
        if now - ResilientRedisCache._last_warning > WARN_EVERY:
            ResilientRedisCache._last_warning = now
            logger.warning("Redis unavailable during %s, serving without cache: %s", operation, error)

    def ping(self):
        return self._cache.get_client(write=True).ping()

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except UNAVAILABLE as error:
            self._unavailable("get", error)
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except UNAVAILABLE as error:
            self._unavailable("get_many", error)
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except UNAVAILABLE as error:
            self._unavailable("has_key", error)
            return False

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except UNAVAILABLE as error:
            self._unavailable("add", error)
            return False

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set(key, value, timeout, version)
        except UNAVAILABLE as error:
            self._unavailable("set", error)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except UNAVAILABLE as error:
            self._unavailable("set_many", error)
            return list(data)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except UNAVAILABLE as error:
            self._unavailable("touch", error)
            return False

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except UNAVAILABLE as error:
            self._unavailable("delete", error)
            return False

    def delete_many(self, keys, version=None):
        try:
            return super().delete_many(keys, version)
        except UNAVAILABLE as error:
            self._unavailable("delete_many", error)

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except UNAVAILABLE as error:
            # What callers expect from a key that is not there (django-ratelimit reads it so).
            self._unavailable("incr", error)
            raise ValueError(f"Key '{key}' not found: cache unavailable") from error

    def clear(self):
        try:
            return super().clear()
        except UNAVAILABLE as error:
            self._unavailable("clear", error)
            return False
