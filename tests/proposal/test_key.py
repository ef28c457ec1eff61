"""The cost-sharing key: every method's shares add up to the total to the cent (hypothesis tries any total and
any populations), each share is within a cent of its exact quota, and unknown populations are refused."""

from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proposal.key import (
    EQUAL,
    FIXED_PLUS_POPULATION,
    POPULATION,
    KeyRefusal,
    Member,
    divide,
    from_cents,
    largest_remainder,
    to_cents,
)

totals = st.integers(min_value=0, max_value=10**13)
# The machine is shared: no deadline, and slow input generation is not a failure.
relaxed = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
populations = st.lists(st.integers(min_value=0, max_value=2_000_000), min_size=1, max_size=90)


def members_of(values):
    return [Member(key=index, name=f"Gemeente {index}", population=value) for index, value in enumerate(values)]


@relaxed
@given(total=totals, values=populations)
def test_by_population_adds_up_exactly_and_each_share_is_within_a_cent(total, values):
    if sum(values) == 0:
        values = [*values[:-1], 1]
    shares = divide(POPULATION, total, members_of(values))
    assert sum(shares.values()) == total
    weight_sum = sum(values)
    for index, value in enumerate(values):
        assert abs(shares[index] - Fraction(total * value, weight_sum)) < 1


@relaxed
@given(total=totals, count=st.integers(min_value=1, max_value=90))
def test_equal_shares_add_up_and_differ_by_at_most_a_cent(total, count):
    shares = divide(EQUAL, total, members_of([None] * count))
    assert sum(shares.values()) == total
    assert max(shares.values()) - min(shares.values()) <= 1


@relaxed
@given(total=totals, values=populations, fixed=st.integers(min_value=0, max_value=10**9))
def test_fixed_plus_population_adds_up_and_everyone_gets_the_fixed_part(total, values, fixed):
    if sum(values) == 0:
        values = [*values[:-1], 1]
    members = members_of(values)
    if fixed * len(members) > total:
        with pytest.raises(KeyRefusal) as error:
            divide(FIXED_PLUS_POPULATION, total, members, fixed=fixed)
        assert error.value.code == "key_fixed_exceeds_total"
        return
    shares = divide(FIXED_PLUS_POPULATION, total, members, fixed=fixed)
    assert sum(shares.values()) == total
    assert min(shares.values()) >= fixed


def test_the_leftover_cents_go_to_the_largest_remainders():
    # 100 cents over 1:1:1 -> 33.33 each; the one cent left goes to the first (ties in order).
    assert largest_remainder(100, {"a": 1, "b": 1, "c": 1}) == {"a": 34, "b": 33, "c": 33}
    # 1000 cents over 1:2:3 -> 166.67, 333.33, 500: the leftover cent to a (remainder 0.67).
    assert largest_remainder(1000, {"a": 1, "b": 2, "c": 3}) == {"a": 167, "b": 333, "c": 500}


def test_an_unknown_population_is_refused_with_the_names():
    members = [Member(1, "Arnhem", 157_000), Member(2, "Geldermalsen", None), Member(3, "Lingewaal", None)]
    for method in (POPULATION, FIXED_PLUS_POPULATION):
        with pytest.raises(KeyRefusal) as error:
            divide(method, 100_000, members)
        assert error.value.code == "key_population_unknown"
        assert error.value.names == ("Geldermalsen", "Lingewaal")
    # Equal shares do not need the population: nobody counts as 0.
    assert divide(EQUAL, 100_000, members) == {1: 33_334, 2: 33_333, 3: 33_333}


def test_cents_round_trip():
    assert to_cents("1234.565") == 123457
    assert str(from_cents(123457)) == "1234.57"
