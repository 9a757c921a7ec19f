"""Near-duplicate text: MinHash signatures over word pairs, and the Jaccard share they estimate.

Two outlets rewriting one story share many word pairs ("sister city", "signed on") but not
their sentences; a signature of 128 minimum hashes estimates the share of pairs two texts have
in common in constant space, so it can be stored with each article and compared cheaply.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

SIZE = 128  # minimum hashes in a signature
MASK = np.uint64(2**32 - 1)
_SEEDS = np.random.default_rng(20261204).integers(1, 2**32 - 1, size=(2, SIZE), dtype=np.uint64)
WORD = re.compile(r"\w+")


def _pairs(text: str) -> set[str]:
    words = WORD.findall(text.lower())
    return {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)} or set(words)


def signature(text: str) -> list[int]:
    """The text's MinHash signature: for each of SIZE hash functions, its smallest value."""
    pairs = _pairs(text)
    if not pairs:
        return [int(MASK)] * SIZE
    hashes = np.fromiter(
        (int.from_bytes(hashlib.blake2b(p.encode(), digest_size=4).digest(), "big") for p in pairs),
        dtype=np.uint64, count=len(pairs),
    )  # fmt: skip
    mixed = (hashes[:, None] * _SEEDS[0] + _SEEDS[1]) & MASK  # one universal hash per column
    return [int(x) for x in mixed.min(axis=0)]


def resemblance(a: list[int], b: list[int]) -> float:
    """The estimated share of word pairs two texts have in common (Jaccard), 0 to 1."""
    if len(a) != len(b) or not a:
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
