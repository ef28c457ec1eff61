"""The cost-sharing key: the municipalities' share divided over the municipalities, in euro cents that add up
exactly to the total (largest-remainder rounding, Hamilton's method).

Pure functions on integers (cents, inhabitants): no database, so the property tests (hypothesis) can try any total
and any populations. The proposal's selectors feed them; a municipality without a known population never reaches
them as 0: the selectors refuse first (``key_population_unknown``), until staff enter one or exclude it.
"""

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

POPULATION = "population"
FIXED_PLUS_POPULATION = "fixed_population"
EQUAL = "equal"
METHODS = (POPULATION, FIXED_PLUS_POPULATION, EQUAL)


class KeyRefusal(ValueError):
    """The key cannot be computed: ``code`` says why (a stable refusal code), ``names`` which municipalities."""

    def __init__(self, code: str, names: tuple[str, ...] = ()):
        super().__init__(code)
        self.code = code
        self.names = names


def to_cents(amount: Decimal) -> int:
    return int((Decimal(amount) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def from_cents(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


def largest_remainder(total: int, weights: Mapping[Hashable, int]) -> dict[Hashable, int]:
    """Divide ``total`` cents over the keys in proportion to their (non-negative, integer) weights.

    Each share is its exact quota rounded down; the cents that are left go one each to the largest remainders,
    ties to the key that comes first in ``weights`` (its order is the tie-break, so the result is reproducible).
    The shares add up to ``total`` exactly and each differs from its exact quota by less than one cent.
    """
    if total < 0:
        raise KeyRefusal("key_total_negative")
    weight_sum = sum(weights.values())
    if any(weight < 0 for weight in weights.values()):
        raise KeyRefusal("key_weight_negative")
    if not weights or weight_sum == 0:
        if total == 0:
            return dict.fromkeys(weights, 0)
        raise KeyRefusal("key_no_weight")
    shares = {}
    remainders = []
    for position, (key, weight) in enumerate(weights.items()):
        share, remainder = divmod(total * weight, weight_sum)
        shares[key] = share
        remainders.append((-remainder, position, key))
    left = total - sum(shares.values())
    for _remainder, _position, key in sorted(remainders)[:left]:
        shares[key] += 1
    return shares


@dataclass(frozen=True)
class Member:
    """A municipality in the key: its name and its population (None: unknown)."""

    key: Hashable
    name: str
    population: int | None


def divide(method: str, total: int, members: list[Member], *, fixed: int = 0) -> dict[Hashable, int]:
    """The share in cents of each member for ``total`` cents.

    - ``population``: in proportion to the population;
    - ``fixed_population``: ``fixed`` cents each, the rest in proportion to the population;
    - ``equal``: equal shares (the population does not matter).

    Refuses (KeyRefusal) a method that needs the population while a member's is unknown, and a fixed part that is
    more than the total.
    """
    if method not in METHODS:
        raise KeyRefusal("key_method_invalid")
    if method == EQUAL:
        return largest_remainder(total, {member.key: 1 for member in members})
    unknown = tuple(member.name for member in members if member.population is None)
    if unknown:
        raise KeyRefusal("key_population_unknown", unknown)
    weights = {member.key: member.population for member in members}
    if method == POPULATION:
        return largest_remainder(total, weights)
    if fixed < 0:
        raise KeyRefusal("key_fixed_negative")
    fixed_total = fixed * len(members)
    if fixed_total > total:
        raise KeyRefusal("key_fixed_exceeds_total")
    rest = largest_remainder(total - fixed_total, weights)
    return {key: fixed + cents for key, cents in rest.items()}
