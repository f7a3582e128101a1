"""orbat's MinHash against the reference implementation it must agree with (datasketch 2, affine32).

Signatures are stored: a database written when orbat still called datasketch holds its values, and
a new document is only found to be a copy of a stored one if both were hashed the same way."""

from __future__ import annotations

import numpy as np
import pytest
from datasketch import MinHash

from orbat.clean.fingerprint import PERMUTATIONS, SCHEME, minhash


def _reference(items: list[bytes], num_perm: int) -> np.ndarray:
    mh = MinHash(num_perm=num_perm, seed=1, scheme=SCHEME)
    mh.update_batch(items)
    return np.asarray(mh.hashvalues, dtype=np.uint64)


@pytest.mark.parametrize("items", [
    [b"the militia took the crossing"],
    [f"shingle {i} of a long wire story".encode() for i in range(400)],
    ["قوات الحشد الشعبي".encode(), "Hashd al-Shaabi".encode(), b""],
    [],
])
@pytest.mark.parametrize("num_perm", [PERMUTATIONS, 16])
def test_signatures_equal_the_reference_value_for_value(items, num_perm):
    assert minhash(items, num_perm).astype(np.uint64).tolist() == _reference(items, num_perm).tolist()


def test_order_and_repeats_do_not_change_a_signature():
    items = [f"w{i}".encode() for i in range(50)]
    assert minhash(items, 32).tolist() == minhash(list(reversed(items)) + items[:5], 32).tolist()
