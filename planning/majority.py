"""The first criterion of a regional priority: an "overgrote meerderheid" (overwhelming majority) of the partners
marks it. The one rule for what counts as one, used by the scan (municipalities naming a theme), the long list
(the criterion proposed from the scan) and the DVO round (DVOs choosing a priority).

The threshold is the process's ``majority_threshold`` in percent with two decimals (default 66.67). A share is
compared at that precision, rounded half up, so that two thirds (2 of 3 DVOs, 52 of 78 municipalities) meets
66.67%. A plain majority (more than half) below the threshold counts as partly met where a criterion has that
outcome.
"""

from decimal import ROUND_HALF_UP, Decimal

PLAIN_MAJORITY = Decimal("50")
_PRECISION = Decimal("0.01")


def share_of(count: int, total: int) -> Decimal:
    """``count`` of ``total`` in percent, rounded half up to two decimals (the threshold's precision); 0 of 0 is 0."""
    if not total:
        return Decimal("0")
    return (Decimal(count) * 100 / Decimal(total)).quantize(_PRECISION, rounding=ROUND_HALF_UP)


def reaches_majority(count: int, total: int, threshold) -> bool:
    """Whether ``count`` of ``total`` is an overwhelming majority at ``threshold`` percent."""
    return bool(total) and share_of(count, total) >= Decimal(threshold)


def reaches_plain_majority(count: int, total: int) -> bool:
    """More than half."""
    return bool(total) and share_of(count, total) > PLAIN_MAJORITY
