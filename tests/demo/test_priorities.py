"""The demo long list: ten priorities with evidence, roles and the four criteria, approved by the BBG on 29 March
2018 and sent to the partners (frozen), some continuing a priority of the VS 2015-2018."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from demo.loader import load_demo
from demo.planning import LONG_LIST_CONSENT
from planning.models import StrategyProcess
from priorities import services
from priorities.models import Criterion, CriterionAssessment, LongList, PartnerRole, Priority


@pytest.mark.django_db
def test_the_demo_long_list_is_ten_assessed_priorities_approved_and_sent():
    load_demo(create_users=False)
    process = StrategyProcess.objects.get(slug="vs-2019-2022")
    priorities = list(
        Priority.objects.filter(process=process).prefetch_related("themes", "sources", "roles", "assessments")
    )

    assert len(priorities) == 10
    assert [priority.position for priority in priorities] == list(range(1, 11))
    titles = [priority.title for priority in priorities]
    assert {"Ondermijning", "Cybercrime", "Personen met verward gedrag", "Mensenhandel en uitbuiting"} <= set(titles)
    assert {priority.urgency for priority in priorities} == {"urgent", "desired"}
    for priority in priorities:
        assert priority.description
        assert priority.themes.all(), priority
        assert priority.sources.all(), priority
        roles = list(priority.roles.all())
        assert [role.role for role in roles].count(PartnerRole.Role.LEAD) == 1, priority
        assert len(roles) >= 2
        assessments = {assessment.criterion: assessment for assessment in priority.assessments.all()}
        assert set(assessments) == set(Criterion.values), priority
        assert all(assessment.justification for assessment in assessments.values())

    # Criterion 1 follows the scan: ondermijning is named by far more than two thirds of the municipalities.
    ondermijning = next(priority for priority in priorities if priority.title == "Ondermijning")
    majority = ondermijning.assessments.get(criterion=Criterion.MAJORITY)
    assert majority.outcome == "met"
    assert "van de 78 gemeenten" in majority.justification

    # Some continue a priority of the VS 2015-2018, which has its own (short) list.
    continued = {priority.title: priority.continues for priority in priorities if priority.continues_id}
    assert len(continued) >= 3
    assert all(previous.process == process.predecessor for previous in continued.values())
    assert continued["Ondermijning"].title == "Aanpak ondermijnende criminaliteit"

    # Approved by the BBG at its March meeting and sent the day after: frozen.
    long_list = LongList.objects.get(process=process)
    assert long_list.status == LongList.Status.SENT
    assert long_list.approved_on == datetime.date(2018, 3, 29)
    assert long_list.sent_on == datetime.date(2018, 3, 30)
    assert long_list.approved_at_meeting.title == LONG_LIST_CONSENT
    with pytest.raises(ValidationError, match="naar de partners gestuurd"):
        services.priority_create(process=process, title="Elfde prioriteit")

    # A second run adds nothing.
    counts = (Priority.objects.count(), Priority.history.count(), CriterionAssessment.history.count())
    assert not load_demo(create_users=False).changed_anything
    assert (Priority.objects.count(), Priority.history.count(), CriterionAssessment.history.count()) == counts
