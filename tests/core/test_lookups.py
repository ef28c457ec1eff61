"""An id no row can hold, in an ``in`` lookup, matches nothing instead of failing in the database driver."""

import pytest

from planning.models import Milestone
from tests.planning.factories import MilestoneFactory

pytestmark = pytest.mark.django_db


def test_an_id_past_the_integer_range_matches_nothing_beside_a_real_one(process):
    milestone = MilestoneFactory(process=process)

    found = Milestone.objects.filter(pk__in=[99999999999999999999, milestone.pk, -99999999999999999999])

    assert list(found) == [milestone]
    assert not Milestone.objects.filter(pk__in=[99999999999999999999]).exists()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("12", 12), ("²", None), ("1e3", None), ("-1", None), ("0", None), ("99999999999999999999", None), (None, None)],
)
def test_an_id_from_input_is_ascii_digits_within_the_range(raw, expected):
    from core.limits import parse_id

    assert parse_id(raw) == expected
