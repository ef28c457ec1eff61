"""Fixtures of the voting tests: a frozen long list of ten, an open round with a far deadline for every DVO."""

import pytest

from planning.models import District
from tests.voting.factories import RoundDeadlineFactory, RoundFactory, make_frozen_long_list


@pytest.fixture
def long_list(process):
    return make_frozen_long_list(process)


@pytest.fixture
def voting_round(process, long_list):
    round = RoundFactory(process=process)
    for district in District.objects.all():
        RoundDeadlineFactory(round=round, district=district)
    return round


@pytest.fixture
def seven_ids(long_list):
    return [priority.pk for priority in long_list[:7]]


@pytest.fixture
def submit_data():
    """POST data of the ballot page."""

    def _data(ids, **extra):
        data = {"choice": [str(pk) for pk in ids], "council_involvement": "informed", "council_note": "", "remark": ""}
        data.update(extra)
        return data

    return _data
