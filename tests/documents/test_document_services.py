import dataclasses
import datetime

import pytest
from django.core.exceptions import ValidationError

from documents import services
from documents.models import Document, DocumentVersion, Goal
from documents.selectors import (
    build_document_content,
    consistency_check,
    content_from_snapshot,
    document_consistency,
    draft_content,
    snapshot_of,
)
from tests.documents.factories import GoalFactory

RVO = datetime.date(2018, 9, 12)
BOARD = datetime.date(2018, 10, 31)
ADOPTED = datetime.date(2018, 11, 14)


@pytest.fixture
def ready(process, priorities, document, staff):
    """Two goals, both put forward to the RVO."""
    goals = [
        GoalFactory(process=process, priority=priorities[0], title="Woninginbraken terugdringen"),
        GoalFactory(process=process, priority=priorities[1], title="Ondermijning zichtbaar maken"),
    ]
    for goal in goals:
        services.goal_put_forward(goal=goal, user=staff, on=RVO)
    return goals


def test_document_start_fills_the_prose_from_the_planning_note(process, staff):
    document = services.document_start(process=process, user=staff)
    assert document.title == "Veiligheidsstrategie en Meerjarenbeleidsplan 2019-2022"
    assert "art. 39 lid 1 Politiewet" in document.intro_html
    assert "borduurt voort" in document.principles_html
    assert services.document_start(process=process, user=staff).pk == document.pk


def test_versions_count_up_from_0_1(document, staff):
    labels = [services.version_create(document=document, user=staff).label for _ in range(3)]
    assert labels == ["0.1", "0.2", "0.3"]


def test_workflow_records_who_when_and_the_meetings(document, ready, staff, administrator):
    services.version_create(document=document, user=staff, note="Eerste concept")
    sent = services.document_transition(
        document=document, user=staff, to_status="sent_to_rvo", meeting_date=RVO, note="Met begeleidende brief"
    )
    board = services.document_transition(
        document=document, user=administrator, to_status="for_adoption", meeting_date=BOARD
    )
    adopted = services.document_transition(document=document, user=staff, to_status="adopted", meeting_date=ADOPTED)
    nota = services.document_transition(
        document=document, user=staff, to_status="nota", meeting_date=datetime.date(2018, 11, 30)
    )
    document.refresh_from_db()
    assert document.status == Document.Status.NOTA
    assert (document.sent_to_rvo_on, document.for_adoption_on, document.adopted_on) == (RVO, BOARD, ADOPTED)
    rows = [(t.from_status, t.to_status, t.by, t.meeting_date, t.version.label) for t in document.transitions.all()]
    assert rows == [
        ("concept", "sent_to_rvo", staff, RVO, "0.2"),
        ("sent_to_rvo", "for_adoption", administrator, BOARD, "0.3"),
        ("for_adoption", "adopted", staff, ADOPTED, "1.0"),
        ("adopted", "nota", staff, datetime.date(2018, 11, 30), "1.0"),
    ]
    assert sent.note == "Met begeleidende brief"
    assert sent.at is not None
    assert board.version.status == "for_adoption"
    assert nota.version == adopted.version
    # Adopting adopted the goals that went to the RVO, on the meeting's date.
    assert set(Goal.objects.values_list("status", "adopted_on")) == {("adopted", ADOPTED)}
    content = build_document_content(adopted.version)
    assert content.version_label == "1.0"
    assert content.is_adopted
    assert content.status_label == "vastgesteld"
    assert {goal.status for goal in content.goals} == {"vastgesteld door het Bestuurscollege"}


def test_steps_cannot_be_skipped(document, ready, staff):
    with pytest.raises(ValidationError, match="kan het document niet naar"):
        services.document_transition(document=document, user=staff, to_status="adopted", meeting_date=ADOPTED)


def test_a_step_needs_its_meeting_date_and_keeps_the_order(document, ready, staff):
    with pytest.raises(ValidationError) as error:
        services.document_transition(document=document, user=staff, to_status="sent_to_rvo")
    assert "meeting_date" in error.value.error_dict
    services.document_transition(document=document, user=staff, to_status="sent_to_rvo", meeting_date=RVO)
    with pytest.raises(ValidationError, match="vóór de vorige stap"):
        services.document_transition(
            document=document, user=staff, to_status="for_adoption", meeting_date=datetime.date(2018, 9, 1)
        )


def test_sending_needs_goals_that_all_went_to_the_rvo(process, priorities, document, staff):
    with pytest.raises(ValidationError, match="nog geen doelstellingen"):
        services.document_transition(document=document, user=staff, to_status="sent_to_rvo", meeting_date=RVO)
    GoalFactory(process=process, priority=priorities[0], title="Nog een concept")
    with pytest.raises(ValidationError, match="Nog een concept"):
        services.document_transition(document=document, user=staff, to_status="sent_to_rvo", meeting_date=RVO)


def test_back_to_concept_needs_a_reason(document, ready, staff):
    services.document_transition(document=document, user=staff, to_status="sent_to_rvo", meeting_date=RVO)
    with pytest.raises(ValidationError):
        services.document_transition(document=document, user=staff, to_status="concept")
    back = services.document_transition(document=document, user=staff, to_status="concept", note="Reactie RVO")
    assert back.version.label == "0.2"
    document.refresh_from_db()
    assert document.status == "concept"


def _adopt(document, staff):
    for status, date in [("sent_to_rvo", RVO), ("for_adoption", BOARD), ("adopted", ADOPTED)]:
        services.document_transition(document=document, user=staff, to_status=status, meeting_date=date)
    document.refresh_from_db()
    return document


def test_an_adopted_document_is_frozen(process, document, ready, staff):
    document = _adopt(document, staff)
    assert document.versions.get(major=1, minor=0)
    with pytest.raises(ValidationError, match="14 november 2018 vastgesteld"):
        services.document_update(document=document, user=staff, prose={"intro_html": "<p>Anders</p>"})
    with pytest.raises(ValidationError, match="vastgesteld"):
        services.version_create(document=document, user=staff)
    with pytest.raises(ValidationError, match="vastgesteld"):
        services.officer_plans_save(process=process, user=staff, officers={})
    with pytest.raises(ValidationError, match="vastgesteld"):
        services.goal_update(goal=ready[0], user=staff, data={"indicator": "Anders"})
    assert DocumentVersion.objects.filter(document=document).count() == 3  # 0.1, 0.2, 1.0


def test_prose_is_sanitised_on_save(document, staff):
    services.document_update(
        document=document,
        user=staff,
        prose={"mjb_om_html": '<p onclick="x()">Afspraken<script>alert(1)</script></p><img src="http://evil/x.png">'},
    )
    document.refresh_from_db()
    assert document.mjb_om_html == "<p>Afspraken</p>"


def test_prose_is_sanitised_again_on_render(document):
    Document.objects.filter(pk=document.pk).update(mjb_om_html="<p>OM</p><script>alert(1)</script>")
    document.refresh_from_db()
    section = next(s for s in draft_content(document).sections if s.key == "mjb_om")
    assert section.html == "<p>OM</p>"


def test_a_version_stays_exactly_as_it_was(document, goal, staff):
    version = services.version_create(document=document, user=staff)
    before = build_document_content(version)
    services.goal_update(goal=goal, user=staff, data={"title": "Een nieuwe titel"})
    services.document_update(document=document, user=staff, prose={"mjb_om_html": "<p>Nieuwe afspraken</p>"})
    version.refresh_from_db()
    after = build_document_content(version)
    assert after == before
    assert "Woninginbraken terugdringen" in [g.title for g in after.goals]
    assert version.fingerprint == before.fingerprint()


def test_snapshot_round_trip(document, goal):
    content = draft_content(document)
    assert content.goals[0].deadline == datetime.date(2022, 6, 30)
    data = snapshot_of(content)
    assert data["goals"][0]["deadline"] == "2022-06-30"
    rebuilt = content_from_snapshot(data)
    assert rebuilt == content
    assert rebuilt.fingerprint() == content.fingerprint()
    assert isinstance(rebuilt.sections[0], type(content.sections[0]))


def test_snapshot_tolerates_unknown_and_missing_keys(document):
    data = snapshot_of(draft_content(document))
    data["something_new"] = 1
    data["sections"][0]["colour"] = "red"
    del data["language"]
    rebuilt = content_from_snapshot(data)
    assert rebuilt.language == "nl"
    assert rebuilt.sections[0].key == "intro"


def test_sections_in_the_order_of_the_document(document, goal):
    content = draft_content(document)
    assert [s.key for s in content.sections] == [
        "intro", "principles", "priorities", "goals", "roles", "preconditions",
        "mjb_local", "mjb_national", "mjb_om", "capacity",
    ]  # fmt: skip
    by_key = {s.key: s for s in content.sections}
    assert "Ambitie bij" in by_key["priorities"].html
    assert "Woninginbraken terugdringen" in by_key["goals"].html
    assert "Eigenaar van doelstelling" in by_key["roles"].html
    assert "€ 125.000,00" in by_key["preconditions"].html
    assert "€ 125.000,00" in content.letter_html
    assert len(content.priorities) == 5
    assert content.priorities[0].urgency == "urgent"
    assert content.goals[0].baseline == "4.200 aangiften (1 januari 2018)"
    assert content.goals[0].partner_roles == ["gemeenten: Voeren de regie op de buurtaanpak"]


def test_consistency_check_lists_a_missing_priority_and_goal(document, goal, staff):
    goal.status, goal.put_forward_on, goal.adopted_on = "adopted", RVO, BOARD
    goal.save()
    content = draft_content(document)
    assert document_consistency(document.process, content) == []
    sections = [
        dataclasses.replace(s, html="<p>Alleen de lokale plannen.</p>") if s.key == "mjb_local" else s
        for s in content.sections
    ]
    broken = dataclasses.replace(content, sections=sections)
    problems = document_consistency(document.process, broken)
    assert "De prioriteit 'Prioriteit 1 vs-2019-2022' staat niet in het MJB-deel." in problems
    assert "De vastgestelde doelstelling 'Woninginbraken terugdringen' staat niet in het MJB-deel." in problems
    assert len(problems) == 6


def test_consistency_check_of_an_old_version_misses_a_later_goal(document, priorities, staff):
    content = draft_content(document)
    assert consistency_check(content, priority_titles=[], goal_titles=["Later toegevoegd"]) == [
        "De vastgestelde doelstelling 'Later toegevoegd' staat niet in het MJB-deel."
    ]


def test_adoption_before_a_goal_went_to_the_rvo_is_refused(process, document, ready, staff):
    Goal.objects.filter(pk=ready[0].pk).update(put_forward_on=datetime.date(2018, 12, 1))
    services.document_transition(document=document, user=staff, to_status="sent_to_rvo", meeting_date=RVO)
    services.document_transition(document=document, user=staff, to_status="for_adoption", meeting_date=BOARD)
    with pytest.raises(ValidationError, match="Woninginbraken terugdringen"):
        services.document_transition(document=document, user=staff, to_status="adopted", meeting_date=ADOPTED)
    document.refresh_from_db()
    assert document.status == "for_adoption"
    assert not Goal.objects.filter(process=process, status=Goal.Status.ADOPTED).exists()
