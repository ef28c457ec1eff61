"""The ambtelijke toets in the portal: sending, the municipality's answer, staff's decisions, the scan and its
history following, and the invitation of a contact."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import Role
from partners.models import CheckProposal, CheckRequest, MunicipalContact
from partners.services import check_answer, check_request_send, contact_invite, proposal_decide
from scan.models import MunicipalPlan, PlanTheme
from tests.accounts.factories import UserFactory

from .conftest import TODAY


def codes(error: ValidationError) -> list[str]:
    return (
        [e.code for e in error.error_list]
        if hasattr(error, "error_list")
        else [e.code for errors in error.error_dict.values() for e in errors]
    )


def propose(check, contact, themes):
    first, _second, third = themes.values()
    return check_answer(
        request=check,
        user=contact,
        agrees=False,
        remark="Twee punten",
        proposals=[
            {"kind": CheckProposal.Kind.ADD, "theme": third, "wording": "Ook dit staat in ons plan", "remark": "p. 12"},
            {"kind": CheckProposal.Kind.CHANGE, "theme": first, "wording": "Beter gelezen", "remark": ""},
        ],
    )


@pytest.mark.django_db
def test_sending_marks_the_plan_sent(check, plan):
    plan.refresh_from_db()
    assert check.status == CheckRequest.Status.SENT
    assert (plan.check_status, plan.check_sent_on) == (MunicipalPlan.CheckStatus.SENT, TODAY)


@pytest.mark.django_db
def test_it_refuses_a_second_toets_a_past_deadline_and_a_municipality_without_contact(check, plan, staff, process):
    with pytest.raises(ValidationError) as twice:
        check_request_send(plan=plan, deadline=datetime.date(2018, 3, 1), user=staff, today=TODAY)
    assert codes(twice.value) == ["check_request_exists"]
    from planning.models import Municipality
    from tests.scan.factories import MunicipalPlanFactory

    ede = MunicipalPlanFactory(process=process, municipality=Municipality.objects.get(name="Ede"))
    with pytest.raises(ValidationError) as nobody:
        check_request_send(plan=ede, deadline=datetime.date(2018, 3, 1), user=staff, today=TODAY)
    assert codes(nobody.value) == ["check_no_contact"]
    with pytest.raises(ValidationError) as past:
        check_request_send(plan=ede, deadline=datetime.date(2018, 1, 1), user=staff, today=TODAY)
    assert codes(past.value) == ["check_deadline_past"]


@pytest.mark.django_db
def test_agreeing_processes_the_toets_at_once(check, contact, plan):
    check_answer(request=check, user=contact, agrees=True, remark="Klopt", proposals=[])
    check.refresh_from_db()
    plan.refresh_from_db()
    assert check.status == CheckRequest.Status.PROCESSED
    assert check.answered_by == contact
    assert plan.check_status == MunicipalPlan.CheckStatus.ANSWERED
    assert plan.check_notes == "Klopt"


@pytest.mark.django_db
def test_proposals_then_staff_accept_one_and_reject_the_other(check, contact, plan, themes, staff):
    first, _second, third = themes.values()
    propose(check, contact, themes)
    check.refresh_from_db()
    assert check.status == CheckRequest.Status.ANSWERED
    add = check.proposals.get(kind=CheckProposal.Kind.ADD)
    change = check.proposals.get(kind=CheckProposal.Kind.CHANGE)

    proposal_decide(proposal=add, accept=True, reason="Staat op p. 12", user=staff)
    check.refresh_from_db()
    assert check.status == CheckRequest.Status.ANSWERED  # one still open
    added = PlanTheme.objects.get(plan=plan, theme=third)
    assert (added.wording, added.origin) == ("Ook dit staat in ons plan", PlanTheme.Origin.ADDED)
    assert added.history.first().origin == PlanTheme.Origin.ADDED  # who: the request's user (test_views)

    proposal_decide(proposal=change, accept=False, reason="De scan volgt de tekst van het plan", user=staff)
    check.refresh_from_db()
    plan.refresh_from_db()
    assert check.status == CheckRequest.Status.PROCESSED
    assert PlanTheme.objects.get(plan=plan, theme=first).wording == "Zoals in de scan gelezen"
    assert plan.check_status == MunicipalPlan.CheckStatus.AMENDED
    change.refresh_from_db()
    assert (change.decision, change.decided_by) == (CheckProposal.Decision.REJECTED, staff)
    assert change.history.count() == 2


@pytest.mark.django_db
def test_an_accepted_change_rewords_the_theme_with_history(check, contact, plan, themes, staff):
    first = next(iter(themes.values()))
    propose(check, contact, themes)
    proposal_decide(proposal=check.proposals.get(kind="change"), accept=True, reason="Terecht", user=staff)
    plan_theme = PlanTheme.objects.get(plan=plan, theme=first)
    assert (plan_theme.wording, plan_theme.origin) == ("Beter gelezen", PlanTheme.Origin.CHANGED)
    assert plan_theme.history.earliest().wording == "Zoals in de scan gelezen"


@pytest.mark.django_db
def test_a_decision_needs_a_reason_and_comes_once(check, contact, themes, staff):
    propose(check, contact, themes)
    proposal = check.proposals.first()
    with pytest.raises(ValidationError) as no_reason:
        proposal_decide(proposal=proposal, accept=True, reason="  ", user=staff)
    assert codes(no_reason.value) == ["proposal_reason_missing"]
    proposal_decide(proposal=proposal, accept=False, reason="Nee", user=staff)
    with pytest.raises(ValidationError) as again:
        proposal_decide(proposal=proposal, accept=True, reason="Toch wel", user=staff)
    assert codes(again.value) == ["proposal_decided"]


@pytest.mark.django_db
def test_only_staff_decide(check, contact, themes, secretary):
    propose(check, contact, themes)
    with pytest.raises(PermissionDenied):
        proposal_decide(proposal=check.proposals.first(), accept=True, reason="x", user=secretary)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("agrees", "proposals", "code"),
    [
        (True, "one", "check_agree_and_propose"),
        (False, [], "check_nothing_proposed"),
        (False, "add_existing", "proposal_theme_in_plan"),
        (False, "change_missing", "proposal_theme_not_in_plan"),
        (False, "change_without_wording", "proposal_wording_missing"),
        (False, "twice", "proposal_theme_twice"),
    ],
)
def test_an_answer_that_breaks_a_rule_is_refused_and_nothing_is_stored(check, contact, themes, agrees, proposals, code):
    first, _second, third = themes.values()
    cases = {
        "one": [{"kind": "add", "theme": third}],
        "add_existing": [{"kind": "add", "theme": first}],
        "change_missing": [{"kind": "change", "theme": third, "wording": "x"}],
        "change_without_wording": [{"kind": "change", "theme": first, "wording": ""}],
        "twice": [{"kind": "add", "theme": third}, {"kind": "add", "theme": third}],
    }
    with pytest.raises(ValidationError) as refused:
        check_answer(
            request=check,
            user=contact,
            agrees=agrees,
            proposals=cases[proposals] if isinstance(proposals, str) else proposals,
        )
    assert codes(refused.value) == [code]
    check.refresh_from_db()
    assert check.status == CheckRequest.Status.SENT
    assert not CheckProposal.objects.exists()


@pytest.mark.django_db
def test_a_contact_of_another_municipality_cannot_answer(check, other_contact):
    with pytest.raises(PermissionDenied):
        check_answer(request=check, user=other_contact, agrees=True, proposals=[])


@pytest.mark.django_db
def test_a_toets_is_answered_once(check, contact):
    check_answer(request=check, user=contact, agrees=True, proposals=[])
    with pytest.raises(ValidationError) as again:
        check_answer(request=check, user=contact, agrees=True, proposals=[])
    assert codes(again.value) == ["check_already_answered"]


@pytest.mark.django_db
def test_an_invitation_brings_the_contact_to_set_a_password(client, staff, arnhem, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        contact = contact_invite(
            email="Veiligheid@Arnhem.example",
            first_name="Anna",
            last_name="de Vries",
            municipalities=[arnhem],
            invited_by=staff,
        )
    user = contact.user
    assert (user.username, user.role, user.has_usable_password()) == (
        "veiligheid@arnhem.example",
        "municipal_contact",
        False,
    )
    assert user.is_municipal_contact
    assert not user.has_role
    (message,) = [m for m in mail.outbox if m.to == ["veiligheid@arnhem.example"]]
    assert "Arnhem" in message.subject
    link = next(line for line in message.body.splitlines() if "/account/" in line).strip()
    response = client.get(link.split("://", 1)[1].split("/", 1)[1].join(["/", ""]), follow=True)
    page = response.content.decode()
    assert "password1" in page or "new_password1" in page
    with pytest.raises(ValidationError) as twice:
        contact_invite(email="veiligheid@arnhem.example", first_name="A", last_name="B", municipalities=[arnhem],
                       invited_by=staff)  # fmt: skip
    assert codes(twice.value) == ["contact_exists"]
    assert MunicipalContact.objects.count() == 1


def test_an_account_without_a_role_becomes_a_contact(arnhem, staff):
    from partners.services import contact_link

    user = UserFactory(username="sso-gebruiker", role="")
    contact = contact_link(user=user, municipalities=[arnhem], by=staff)
    user.refresh_from_db()
    assert user.role == Role.MUNICIPAL_CONTACT
    assert list(contact.municipalities.all()) == [arnhem]
    assert user.history.first().history_user == staff


def test_an_account_with_another_role_is_not_made_a_contact(arnhem, secretary, staff):
    from partners.services import contact_link

    with pytest.raises(ValidationError) as refused:
        contact_link(user=secretary, municipalities=[arnhem], by=staff)
    assert refused.value.code == "contact_has_role"
    secretary.refresh_from_db()
    assert secretary.role == Role.DVO_SECRETARY
