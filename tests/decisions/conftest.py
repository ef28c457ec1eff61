"""Fixtures of the decision's tests: the voting fixtures and a closed round whose ranking is known."""

import pytest

from tests.voting.conftest import long_list, voting_round  # noqa: F401  (fixtures)
from tests.voting.result_factories import cast, close


@pytest.fixture
def closed_round(voting_round, long_list, districts):  # noqa: F811
    """All five chose; the ranking is P1, P2, ..., P10 by the number of DVOs (P1..P5: 5, P6, P7: 3, P8..P10: 2)."""
    p = long_list
    for code in ("GLM", "GLZ", "TWN"):
        cast(voting_round, districts[code], p[0:7])
    for code in ("IJSS", "NOG"):
        cast(voting_round, districts[code], [*p[0:5], p[7], p[8]])
    # P10 only by nobody; P8, P9 by two.
    return close(voting_round)
