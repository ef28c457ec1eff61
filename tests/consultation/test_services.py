"""The consultation's rules: a round per sent version with an entry per municipality, the district rule for
secretaries, dates in order, a received response needs its content, an attachment checked by content."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from consultation.models import CouncilEntry
from consultation.services import entry_register, round_create, round_update
from planning.models import Municipality

from .conftest import DEADLINE, SENT

pytestmark = pytest.mark.django_db

RECEIVED = datetime.date(2019, 4, 2)


def codes(error: ValidationError) -> list[str]:
    return (
        [item.code for items in error.error_dict.values() for item in items]
        if hasattr(error, "error_dict")
        else [item.code for item in error.error_list]
    )


def test_a_round_has_one_entry_per_municipality_all_sent(consultation):
    assert consultation.entries.count() == Municipality.objects.count() > 70
    assert set(consultation.entries.values_list("status", flat=True)) == {CouncilEntry.Status.SENT}
    assert set(consultation.entries.values_list("sent_on", flat=True)) == {SENT}
    # The log begins with the entry's creation, by the staff member who sent the draft.
    assert CouncilEntry.history.filter(history_type="+").count() == consultation.entries.count()


def test_a_second_round_on_the_same_version_is_refused(consultation, version, staff):
    with pytest.raises(ValidationError) as error:
        round_create(version=version, sent_on=SENT, deadline=DEADLINE, user=staff)
    assert codes(error.value) == ["consultation_round_exists"]


def test_a_deadline_before_sending_is_refused(version, staff):
    with pytest.raises(ValidationError) as error:
        round_create(version=version, sent_on=SENT, deadline=SENT - datetime.timedelta(days=1), user=staff)
    assert codes(error.value) == ["consultation_deadline_before_sent"]


def test_only_staff_start_a_round(version, secretary):
    with pytest.raises(PermissionDenied):
        round_create(version=version, sent_on=SENT, deadline=DEADLINE, user=secretary)


def test_a_glm_secretary_registers_a_glm_response(arnhem_entry, secretary):
    entry = entry_register(
        entry=arnhem_entry,
        user=secretary,
        status=CouncilEntry.Status.RECEIVED,
        received_on=RECEIVED,
        meeting_on=datetime.date(2019, 3, 28),
        scope=CouncilEntry.Scope.POLICE_ONLY,
        response_html="<p>De raad vraagt <strong>meer wijkagenten</strong>.</p><script>x</script>",
        summary="Meer wijkagenten in de wijken.",
    )
    entry.refresh_from_db()
    assert entry.status == "received"
    assert entry.response_html == "<p>De raad vraagt <strong>meer wijkagenten</strong>.</p>"
    assert entry.history.first().history_user == secretary


def test_a_glm_secretary_cannot_register_a_twn_response(enschede_entry, secretary):
    with pytest.raises(PermissionDenied) as error:
        entry_register(entry=enschede_entry, user=secretary, status=CouncilEntry.Status.ON_AGENDA)
    assert error.value.code == "consultation_other_district"
    enschede_entry.refresh_from_db()
    assert enschede_entry.status == CouncilEntry.Status.SENT


def test_a_bbg_member_cannot_register(arnhem_entry, bbg_member):
    with pytest.raises(PermissionDenied):
        entry_register(entry=arnhem_entry, user=bbg_member, status=CouncilEntry.Status.ON_AGENDA)


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"received_on": RECEIVED, "scope": "police"}, "consultation_response_missing"),
        ({"response_html": "<p>Akkoord.</p>", "scope": "police"}, "consultation_received_on_missing"),
        ({"response_html": "<p>Akkoord.</p>", "received_on": RECEIVED}, "consultation_scope_missing"),
        (
            {"response_html": "<p>Akkoord.</p>", "received_on": SENT - datetime.timedelta(days=1), "scope": "police"},
            "consultation_received_before_sent",
        ),
        ({"response_html": "<p>x</p>" * 7000, "received_on": RECEIVED, "scope": "police"}, "max_length"),
    ],
)
def test_a_received_response_needs_its_content(arnhem_entry, staff, fields, code):
    with pytest.raises(ValidationError) as error:
        entry_register(entry=arnhem_entry, user=staff, status=CouncilEntry.Status.RECEIVED, **fields)
    assert codes(error.value) == [code]
    arnhem_entry.refresh_from_db()
    assert arnhem_entry.status == CouncilEntry.Status.SENT


def test_a_meeting_before_sending_is_refused(arnhem_entry, staff):
    with pytest.raises(ValidationError) as error:
        entry_register(entry=arnhem_entry, user=staff, status="on_agenda", meeting_on=SENT - datetime.timedelta(days=3))
    assert codes(error.value) == ["consultation_meeting_before_sent"]


def test_an_unknown_status_is_refused(arnhem_entry, staff):
    with pytest.raises(ValidationError) as error:
        entry_register(entry=arnhem_entry, user=staff, status="approved")
    assert codes(error.value) == ["consultation_status_invalid"]


def test_a_motion_is_checked_by_content(arnhem_entry, staff):
    fake = SimpleUploadedFile("motie.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(ValidationError) as error:
        entry_register(
            entry=arnhem_entry, user=staff, status="received", received_on=RECEIVED, scope="police", attachment=fake
        )
    assert codes(error.value) == ["upload_wrong_type"]


def test_a_motion_alone_is_a_response(arnhem_entry, staff):
    motion = SimpleUploadedFile("Motie wijkagenten.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    entry = entry_register(
        entry=arnhem_entry, user=staff, status="received", received_on=RECEIVED, scope="also_vs", attachment=motion
    )
    assert entry.attachment_name == "Motie wijkagenten.pdf"
    assert entry.attachment.name.endswith(".pdf")
    assert "Motie" not in entry.attachment.name
    with entry.attachment.open("rb") as handle:
        assert handle.read().startswith(b"%PDF-")


def test_moving_the_deadline(consultation, staff):
    round_update(consultation=consultation, user=staff, deadline=DEADLINE + datetime.timedelta(days=7))
    consultation.refresh_from_db()
    assert consultation.deadline == DEADLINE + datetime.timedelta(days=7)
    with pytest.raises(ValidationError) as error:
        round_update(consultation=consultation, user=staff, deadline=SENT - datetime.timedelta(days=1))
    assert codes(error.value) == ["consultation_deadline_before_sent"]
