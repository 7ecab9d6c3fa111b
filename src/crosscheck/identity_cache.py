"""A bounded cache keyed by object identity, for work computed from a claim or
a source's claims (see ``cache_by_identity``)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# How many sources the per-source caches keep (extraction in pipeline, and what
# align, classify and coverage derive from it): enough for the distinct
# articles of a benchmark run of 1,000 FNC-1 pairs (about 850), at about 55 kB
# per source.
SOURCE_CACHE_SIZE = 1024


def cache_by_identity(maxsize: int) -> Callable[[Callable[[T], R]], Callable[[T], R]]:
    """A bounded LRU cache for a function of one object, keyed by the object's
    identity rather than its value.

    For what is computed from a claim or a source's claims: extraction is
    cached, so the same objects come back in comparison after comparison, while
    hashing them by value (every token of every claim) would cost about as much
    as the work saved. An entry holds its object, so the id cannot be reused
    while the entry lives.
    """

    def decorate(fn: Callable[[T], R]) -> Callable[[T], R]:
        entries: OrderedDict[int, tuple[T, R]] = OrderedDict()

        @wraps(fn)
        def call(obj: T) -> R:
            key = id(obj)
            entry = entries.get(key)
            if entry is not None and entry[0] is obj:
                try:
                    entries.move_to_end(key)
                except KeyError:  # another thread evicted it meanwhile
                    pass
                return entry[1]
            value = fn(obj)
            entries[key] = (obj, value)
            while len(entries) > maxsize:
                try:
                    entries.popitem(last=False)
                except KeyError:
                    break
            return value

        call.cache_clear = entries.clear  # type: ignore[attr-defined]  # an attribute on the wrapper, as functools.lru_cache gives one
        return call

    return decorate
