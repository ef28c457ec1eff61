"""The same DVO's form sent twice at the same moment, on PostgreSQL: exactly one ballot row."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from planning.models import District
from tests.voting.factories import RoundDeadlineFactory, RoundFactory, make_frozen_long_list
from voting import services
from voting.models import Ballot, BallotChoice


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_double_submit_at_once_stores_exactly_one_ballot(process, secretary, staff):
    long_list = make_frozen_long_list(process)
    round = RoundFactory(process=process)
    for district in District.objects.all():
        RoundDeadlineFactory(round=round, district=district)
    district = secretary.district
    choices = {
        "secretary": [p.pk for p in long_list[:7]],
        "staff": [p.pk for p in long_list[3:10]],
    }
    barrier = threading.Barrier(2)
    outcomes = []
    lock = threading.Lock()

    def submit(who, user, kwargs):
        try:
            barrier.wait(timeout=10)
            try:
                services.ballot_submit(round=round, district=district, user=user, priority_ids=choices[who], **kwargs)
                result = "stored"
            except ValidationError as error:
                result = error.messages[0]
            with lock:
                outcomes.append((who, result))
        finally:
            connection.close()  # each thread has its own connection; close it before the test database goes

    threads = [
        threading.Thread(target=submit, args=("secretary", secretary, {})),
        threading.Thread(target=submit, args=("staff", staff, {"on_behalf_reason": "Dubbel verstuurd"})),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert len(outcomes) == 2
    assert Ballot.objects.filter(round=round, district=district).count() == 1
    ballot = Ballot.objects.get()
    # The round's row lock serialises them: both are stored, the second replaces the first, never half of each.
    assert [result for _, result in outcomes] == ["stored", "stored"]
    stored = sorted(BallotChoice.objects.filter(ballot=ballot).values_list("priority_id", flat=True))
    winner = "staff" if ballot.entered_by_staff else "secretary"
    assert stored == sorted(choices[winner])
    assert Ballot.history.filter(district_id=district.pk).values("id").distinct().count() == 1
