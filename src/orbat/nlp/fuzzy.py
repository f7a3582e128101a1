"""String similarity on normalised keys: Jaro–Winkler, small and dependency-free."""

from __future__ import annotations

__all__ = ["jaro_winkler"]


def _jaro(a: str, b: str) -> float:
    if a == b:
        return 1.0
    la, lb = len(a), len(b)
    if not la or not lb:
        return 0.0
    window = max(max(la, lb) // 2 - 1, 0)
    taken = [False] * lb
    matched_a: list[str] = []
    for i, ch in enumerate(a):
        for j in range(max(0, i - window), min(lb, i + window + 1)):
            if not taken[j] and b[j] == ch:
                taken[j] = True
                matched_a.append(ch)
                break
    m = len(matched_a)
    if not m:
        return 0.0
    matched_b = [b[j] for j in range(lb) if taken[j]]
    transpositions = sum(x != y for x, y in zip(matched_a, matched_b)) / 2
    return (m / la + m / lb + (m - transpositions) / m) / 3


def jaro_winkler(a: str, b: str, *, prefix_weight: float = 0.1) -> float:
    """Jaro–Winkler similarity in [0, 1]; 1 means equal."""
    j = _jaro(a, b)
    prefix = 0
    for x, y in zip(a[:4], b[:4]):
        if x != y:
            break
        prefix += 1
    return j + prefix * prefix_weight * (1 - j)
