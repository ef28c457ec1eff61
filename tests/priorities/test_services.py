import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from priorities import services
from priorities.models import Criterion, CriterionAssessment, LongList, Outcome, PartnerRole, Priority
from tests.planning.factories import MilestoneFactory, StrategyProcessFactory
from tests.priorities.factories import (
    MunicipalPlanFactory,
    PlanThemeFactory,
    PriorityFactory,
    SourceFactory,
    ThemeFactory,
)

APPROVED = datetime.date(2018, 3, 29)
SENT = datetime.date(2018, 3, 30)


def _fill(process, count):
    return [services.priority_create(process=process, title=f"Prioriteit {n}") for n in range(1, count + 1)]


def _freeze(process):
    services.longlist_approve(process=process, approved_on=APPROVED)
    services.longlist_send(process=process, sent_on=SENT)


@pytest.mark.django_db
class TestLimitOfTen:
    def test_it_accepts_the_tenth(self, process):
        _fill(process, 9)
        priority = services.priority_create(process=process, title="Tiende")
        assert priority.position == 10
        assert Priority.objects.filter(process=process).count() == 10

    def test_it_rejects_the_eleventh(self, process):
        _fill(process, 10)
        with pytest.raises(ValidationError) as excinfo:
            services.priority_create(process=process, title="Elfde")
        assert "al 10 prioriteiten, het maximum" in excinfo.value.messages[0]
        assert excinfo.value.code == "longlist_too_many"
        assert Priority.objects.filter(process=process).count() == 10
        assert not Priority.objects.filter(title="Elfde").exists()

    def test_other_processes_do_not_count(self, process):
        _fill(StrategyProcessFactory(), 10)
        services.priority_create(process=process, title="Eerste")
        assert Priority.objects.filter(process=process).count() == 1

    def test_a_title_is_unique_within_the_process(self, process):
        services.priority_create(process=process, title="Ondermijning")
        with pytest.raises(ValidationError) as excinfo:
            services.priority_create(process=process, title="Ondermijning")
        assert "al een prioriteit met deze titel" in str(excinfo.value)
        assert Priority.objects.filter(process=process).count() == 1


@pytest.mark.django_db
class TestCreate:
    def test_it_stores_evidence_and_roles_in_one_version(self, process):
        theme = ThemeFactory(name="Cybercrime")
        source = SourceFactory(process=process)
        priority = services.priority_create(
            process=process,
            title="Cybercrime",
            themes=[theme],
            sources=[source],
            roles=[
                {"partner": "police", "role": "lead"},
                {"partner": "other", "partner_other": "Bureau Regionale Veiligheid", "role": "contributes"},
            ],
        )
        assert list(priority.themes.all()) == [theme]
        assert list(priority.sources.all()) == [source]
        assert {(r.partner, r.partner_other, r.role) for r in priority.roles.all()} == {
            ("police", "", "lead"),
            ("other", "Bureau Regionale Veiligheid", "contributes"),
        }
        records = list(priority.history.all())
        assert len(records) == 1
        assert records[0].history_type == "+"
        assert [row.theme_id for row in records[0].themes.all()] == [theme.pk]
        assert LongList.objects.get(process=process).status == LongList.Status.DRAFT

    def test_it_refuses_a_source_of_another_process(self, process):
        with pytest.raises(ValidationError, match="hoort niet bij dit proces"):
            services.priority_create(process=process, title="X", sources=[SourceFactory()])
        assert not Priority.objects.exists()

    def test_a_continuation_is_of_the_previous_strategy(self, process):
        predecessor = StrategyProcessFactory()
        process.predecessor = predecessor
        process.save()
        old = PriorityFactory(process=predecessor, title="Ondermijning 2015")
        priority = services.priority_create(process=process, title="Ondermijning", continues=old)
        assert priority.continues == old
        with pytest.raises(ValidationError, match="vorige Veiligheidsstrategie"):
            services.priority_create(process=process, title="Andere", continues=PriorityFactory())

    def test_other_partner_needs_a_name(self, process):
        with pytest.raises(ValidationError, match="Noem de partner"):
            services.priority_create(process=process, title="X", roles=[{"partner": "other", "role": "lead"}])
        assert not Priority.objects.exists()


@pytest.mark.django_db
class TestFreeze:
    def test_the_list_is_frozen_after_sending(self, process):
        (priority,) = _fill(process, 1)
        _freeze(process)
        message = (
            "De lange lijst is op 29 maart 2018 door de BBG vastgesteld en naar de partners gestuurd; "
            "heropen de lijst om hem te wijzigen."
        )
        with pytest.raises(ValidationError) as excinfo:
            services.priority_update(priority=priority, title="Nieuw", description="", urgency="desired")
        assert excinfo.value.messages == [message]
        with pytest.raises(ValidationError, match="naar de partners gestuurd"):
            services.priority_create(process=process, title="Nog een")
        with pytest.raises(ValidationError, match="naar de partners gestuurd"):
            services.priority_delete(priority=priority)
        with pytest.raises(ValidationError, match="naar de partners gestuurd"):
            services.criteria_assess(
                priority=priority,
                assessments=[{"criterion": "more_than_regular", "outcome": "met", "justification": "x"}],
            )
        priority.refresh_from_db()
        assert priority.title == "Prioriteit 1"
        assert Priority.objects.filter(process=process).count() == 1
        assert not CriterionAssessment.objects.exists()

    def test_approval_already_freezes(self, process):
        (priority,) = _fill(process, 1)
        services.longlist_approve(process=process, approved_on=APPROVED)
        with pytest.raises(ValidationError) as excinfo:
            services.priority_update(priority=priority, title="Nieuw", description="", urgency="urgent")
        assert excinfo.value.messages == [
            "De lange lijst is op 29 maart 2018 door de BBG vastgesteld; heropen de lijst om hem te wijzigen."
        ]

    def test_reopen_with_a_reason_allows_edits_and_keeps_the_reason(self, process, staff):
        (priority,) = _fill(process, 1)
        _freeze(process)
        result = services.longlist_reopen(process=process, user=staff, reason="Titel van prioriteit 1 aangescherpt")
        assert result.warnings == []
        assert result.long_list.status == LongList.Status.DRAFT
        services.priority_update(priority=priority, title="Nieuw", description="", urgency="urgent")
        priority.refresh_from_db()
        assert priority.title == "Nieuw"
        long_list = LongList.objects.get(process=process)
        reasons = [record.reopen_reason for record in long_list.history.all()]
        assert "Titel van prioriteit 1 aangescherpt" in reasons
        latest = long_list.history.first()
        assert latest.history_user == staff
        assert latest.status == LongList.Status.DRAFT

    def test_reopen_needs_a_reason(self, process, staff):
        _fill(process, 1)
        _freeze(process)
        with pytest.raises(ValidationError, match="Geef een reden op"):
            services.longlist_reopen(process=process, user=staff, reason="  ")
        assert LongList.objects.get(process=process).status == LongList.Status.SENT

    def test_reopen_is_for_staff_only(self, process, bbg_member):
        _fill(process, 1)
        _freeze(process)
        with pytest.raises(PermissionDenied):
            services.longlist_reopen(process=process, user=bbg_member, reason="Waarom niet")
        assert LongList.objects.get(process=process).status == LongList.Status.SENT

    def test_reopen_warns_when_dvos_have_chosen(self, process, staff):
        from tests.voting.factories import BallotFactory, RoundFactory, make_frozen_long_list

        make_frozen_long_list(process, n=10)
        BallotFactory(round=RoundFactory(process=process))
        result = services.longlist_reopen(process=process, user=staff, reason="Nieuwe inzichten")
        assert any("oude lijst" in str(warning) for warning in result.warnings)

    def test_reopen_does_not_warn_before_any_dvo_has_chosen(self, process, staff):
        _fill(process, 1)
        _freeze(process)
        result = services.longlist_reopen(process=process, user=staff, reason="Nieuwe inzichten")
        assert not any("oude lijst" in str(warning) for warning in result.warnings)


@pytest.mark.django_db
class TestConsent:
    def test_an_empty_list_cannot_be_approved(self, process):
        with pytest.raises(ValidationError, match="lege lange lijst"):
            services.longlist_approve(process=process, approved_on=APPROVED)

    def test_approve_records_date_and_meeting(self, process):
        _fill(process, 2)
        meeting = MilestoneFactory(process=process, title="BBG", starts_on=APPROVED)
        long_list = services.longlist_approve(process=process, approved_on=APPROVED, meeting=meeting)
        assert (long_list.status, long_list.approved_on, long_list.approved_at_meeting) == (
            LongList.Status.APPROVED,
            APPROVED,
            meeting,
        )

    def test_a_meeting_of_another_process_is_refused(self, process):
        _fill(process, 1)
        with pytest.raises(ValidationError, match="hoort niet bij dit proces"):
            services.longlist_approve(process=process, approved_on=APPROVED, meeting=MilestoneFactory())

    def test_send_needs_approval_first(self, process):
        _fill(process, 1)
        with pytest.raises(ValidationError, match="nog niet door de BBG vastgesteld"):
            services.longlist_send(process=process, sent_on=SENT)

    def test_send_not_before_approval(self, process):
        _fill(process, 1)
        services.longlist_approve(process=process, approved_on=APPROVED)
        with pytest.raises(ValidationError, match="vóór de vaststelling op 29 maart 2018"):
            services.longlist_send(process=process, sent_on=datetime.date(2018, 3, 1))


@pytest.mark.django_db
class TestCriteria:
    def _scan(self, process, theme, naming, total=None):
        """``naming`` municipalities' plans for the process name ``theme``."""
        from planning.models import Municipality

        municipalities = list(Municipality.objects.order_by("pk")[:naming])
        for municipality in municipalities:
            PlanThemeFactory(plan=MunicipalPlanFactory(process=process, municipality=municipality), theme=theme)

    def test_confirming_the_proposal_takes_it_as_justification(self, process):
        theme = ThemeFactory(name="Ondermijning")
        self._scan(process, theme, 70)  # of 78: 89.7%
        priority = services.priority_create(process=process, title="Ondermijning", themes=[theme])
        services.criteria_assess(priority=priority, assessments=[{"criterion": "majority", "outcome": "met"}])
        assessment = CriterionAssessment.objects.get(priority=priority, criterion=Criterion.MAJORITY)
        assert assessment.outcome == Outcome.MET
        assert "70 van de 78 gemeenten" in assessment.justification

    def test_overriding_the_proposal_needs_a_justification(self, process):
        theme = ThemeFactory(name="Mensenhandel")
        self._scan(process, theme, 10)
        priority = services.priority_create(process=process, title="Mensenhandel", themes=[theme])
        with pytest.raises(ValidationError) as excinfo:
            services.criteria_assess(priority=priority, assessments=[{"criterion": "majority", "outcome": "met"}])
        assert "wijkt af van het voorstel" in excinfo.value.message_dict["majority"][0]
        assert not CriterionAssessment.objects.exists()
        services.criteria_assess(
            priority=priority,
            assessments=[{"criterion": "majority", "outcome": "met", "justification": "Politie en OM noemen het ook."}],
        )
        assert CriterionAssessment.objects.get().justification == "Politie en OM noemen het ook."

    def test_other_criteria_need_a_justification_and_blank_removes(self, process):
        (priority,) = _fill(process, 1)
        with pytest.raises(ValidationError, match="Licht het oordeel"):
            services.criteria_assess(
                priority=priority, assessments=[{"criterion": "concrete_products", "outcome": "partly"}]
            )
        services.criteria_assess(
            priority=priority,
            assessments=[{"criterion": "concrete_products", "outcome": "partly", "justification": "Een aanpak."}],
        )
        assert CriterionAssessment.objects.get().outcome == Outcome.PARTLY
        services.criteria_assess(priority=priority, assessments=[{"criterion": "concrete_products", "outcome": ""}])
        assert not CriterionAssessment.objects.exists()


@pytest.mark.django_db
def test_update_replaces_roles_keeping_unchanged_rows(process):
    priority = services.priority_create(
        process=process, title="Jeugd", roles=[{"partner": "police", "role": "lead"}, {"partner": "care"}]
    )
    police = priority.roles.get(partner="police")
    services.priority_update(
        priority=priority,
        title="Jeugd",
        description="",
        urgency="desired",
        roles=[{"partner": "police", "role": "lead"}, {"partner": "municipalities", "role": "contributes"}],
    )
    assert set(priority.roles.values_list("partner", flat=True)) == {"police", "municipalities"}
    assert priority.roles.get(partner="police").pk == police.pk
    assert PartnerRole.history.filter(partner="care", history_type="-").exists()
    assert priority.history.count() == 2
