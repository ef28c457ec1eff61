"""Every URL of the project, for every role and for anonymous visitors, with the outcome each must get.

A URL that is not in EXPECTED fails the test: a new page needs a decision about who may see it.
Outcomes: "ok" (200 and a page), "login" (redirect to the login page), 403, 404, 405 (wrong method),
"redirect" (any other redirect).
"""

import datetime

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts.models import Role
from comments.services import comment_post
from consultation.services import round_create
from documents.services import version_create
from partners.models import CheckRequest, MunicipalContact
from planning.models import Municipality
from proposal.models import GoalPlan, Proposal
from proposal.services import proposal_version_create
from reviews.services import review_create
from scan.models import PlanTheme, Source, Theme
from tests.accounts.factories import UserFactory
from tests.documents.factories import GoalFactory, make_document
from tests.monitoring.factories import monitoring_world
from tests.planning.factories import AbsenceFactory, ActionFactory, MilestoneFactory
from tests.scan.factories import MunicipalPlanFactory, SourceFactory
from tests.voting.factories import BallotFactory, RoundDeadlineFactory, RoundFactory, make_frozen_long_list

ROLES = ["anonymous", "outsider", "secretary", "bbg_member", "staff", "administrator"]

# Shorthands for the common rows.
READ_ALL = {"anonymous": "login", "outsider": 403, "secretary": "ok", "bbg_member": "ok", "staff": "ok",
            "administrator": "ok"}  # fmt: skip
STAFF_ONLY = {"anonymous": "login", "outsider": 403, "secretary": 403, "bbg_member": 403, "staff": "ok",
              "administrator": "ok"}  # fmt: skip
API_READ_ALL = {"anonymous": 403, "outsider": 403, "secretary": "ok", "bbg_member": "ok", "staff": "ok",
                "administrator": "ok"}  # fmt: skip
PUBLIC = dict.fromkeys(ROLES, "ok")
ADMIN_SITE = {"anonymous": "redirect", "outsider": "redirect", "secretary": "redirect", "bbg_member": "redirect",
              "staff": "redirect", "administrator": "ok"}  # fmt: skip

# The pages of one DVO's ballot: the GLM secretary's own; a BBG member is a stranger to every ballot (404).
OWN_BALLOT = {**READ_ALL, "bbg_member": 404}
STAFF_POST_ONLY = {**STAFF_ONLY, "staff": 405, "administrator": 405}
FROZEN = {**STAFF_ONLY, "staff": "redirect", "administrator": "redirect"}
# An API action that only takes POST: 405 for everyone who may read.
API_POST_ONLY = {**API_READ_ALL, "secretary": 405, "bbg_member": 405, "staff": 405, "administrator": 405}
# The API's staff-only parts (the round): 403 for every other role, as DRF checks the permission first.
API_STAFF_ONLY = {**API_READ_ALL, "secretary": 403, "bbg_member": 403}
API_STAFF_POST_ONLY = {**API_STAFF_ONLY, "staff": 405, "administrator": 405}
# Exports of the DVO result before the round closes: staff only (the matrix's round is open).
STAFF_BEFORE_RELEASE = {**STAFF_ONLY}
# A document of a plan or source that has none: every reader gets 404.
NO_DOCUMENT = {**READ_ALL, "secretary": 404, "bbg_member": 404, "staff": 404, "administrator": 404}
API_NO_DOCUMENT = {**API_READ_ALL, "secretary": 404, "bbg_member": 404, "staff": 404, "administrator": 404}

EXPECTED = {
    # Accounts
    "login": {**PUBLIC, **dict.fromkeys(["outsider", "secretary", "bbg_member", "staff", "administrator"], "redirect")},
    "logout": dict.fromkeys(ROLES, 405),
    "profile": {**PUBLIC, "anonymous": "login"},
    "password_change": {**PUBLIC, "anonymous": "login"},
    "password_change_done": {**PUBLIC, "anonymous": "login"},
    "password_reset": PUBLIC,
    "password_reset_done": PUBLIC,
    "password_reset_confirm": PUBLIC,
    "password_reset_complete": PUBLIC,
    "set_language": dict.fromkeys(ROLES, "redirect"),
    "accessibility": PUBLIC,
    # The second factor: a logged-in user with nothing left to verify is sent on from the second step.
    "second_factor": {**dict.fromkeys(ROLES, "redirect"), "anonymous": "login"},
    "two_factor:setup": {**PUBLIC, "anonymous": "login"},
    "two_factor:qr": {**dict.fromkeys(ROLES, 404), "anonymous": "login"},  # only during the set-up
    "two_factor:setup_complete": dict.fromkeys(ROLES, "login"),  # only once verified
    "two_factor:backup_tokens": {**dict.fromkeys(ROLES, "login"), "anonymous": "login"},  # only once verified
    "two_factor:profile": {**PUBLIC, "anonymous": "login"},
    "two_factor:disable": dict.fromkeys(ROLES, "redirect"),  # only once verified: back to the overview
    # Single sign-on: 404 while it is not configured (as here); tests/accounts/test_oidc.py covers it configured.
    "oidc_authentication_init": dict.fromkeys(ROLES, 404),
    "oidc_authentication_callback": dict.fromkeys(ROLES, 404),
    "oidc_link": dict.fromkeys(ROLES, 404),
    # The network's logo from the site settings: public (it is on the login page); none is set here.
    "site_logo": dict.fromkeys(ROLES, 404),
    # Health probes: outside the login, for the orchestrator.
    "livez": PUBLIC,
    "readyz": PUBLIC,
    # Planning
    "planning:home": READ_ALL,
    "planning:process_create": STAFF_ONLY,
    "planning:dashboard": READ_ALL,
    "planning:process_update": STAFF_ONLY,
    "planning:process_copy": STAFF_ONLY,
    "planning:timeline": READ_ALL,
    "planning:conflict_list": READ_ALL,
    "planning:milestone_list": READ_ALL,
    "planning:milestone_create": STAFF_ONLY,
    "planning:milestone_detail": READ_ALL,
    "planning:milestone_update": STAFF_ONLY,
    "planning:milestone_delete": STAFF_ONLY,
    "planning:milestone_history": READ_ALL,
    "planning:action_list": READ_ALL,
    "planning:action_create": STAFF_ONLY,
    "planning:action_detail": READ_ALL,
    "planning:action_update": STAFF_ONLY,
    "planning:action_delete": STAFF_ONLY,
    "planning:action_history": READ_ALL,
    "planning:absence_list": STAFF_ONLY,
    "planning:absence_create": STAFF_ONLY,
    "planning:absence_update": STAFF_ONLY,
    "planning:absence_delete": STAFF_ONLY,
    "planning:calendar": READ_ALL,
    "planning:calendar_renew": {**dict.fromkeys(ROLES, 405), "anonymous": "login", "outsider": 403},
    # The feed is reached by its secret token, not a login: each user's own token works for users with a role.
    "planning:calendar_feed": {**PUBLIC, "anonymous": 404, "outsider": 404},
    # The scan
    "scan:theme_list": READ_ALL,
    "scan:theme_create": STAFF_ONLY,
    "scan:theme_update": STAFF_ONLY,
    "scan:matrix": READ_ALL,
    "scan:matrix_xlsx": READ_ALL,
    "scan:matrix_csv": READ_ALL,
    "scan:plan_list": READ_ALL,
    "scan:plan_detail": READ_ALL,
    "scan:plan_update": STAFF_ONLY,
    "scan:plan_document": NO_DOCUMENT,
    "scan:plan_theme_add": STAFF_ONLY,
    "scan:source_list": READ_ALL,
    "scan:source_export_csv": READ_ALL,
    "scan:source_create": STAFF_ONLY,
    "scan:source_detail": READ_ALL,
    "scan:source_update": STAFF_ONLY,
    "scan:source_document": NO_DOCUMENT,
    # The long list
    "priorities:longlist": READ_ALL,
    "priorities:longlist_scan": READ_ALL,
    "priorities:longlist_history": READ_ALL,
    "priorities:longlist_approve": STAFF_ONLY,
    "priorities:longlist_send": STAFF_ONLY,
    "priorities:longlist_reopen": STAFF_ONLY,
    # The matrix's list is frozen (sent to the partners): staff are sent back to the list with the reason.
    "priorities:priority_create": FROZEN,
    "priorities:priority_detail": READ_ALL,
    "priorities:priority_update": FROZEN,
    "priorities:priority_criteria": FROZEN,
    "priorities:priority_delete": FROZEN,
    "priorities:priority_history": READ_ALL,
    # The DVO choice
    "voting:round_detail": STAFF_ONLY,
    "voting:round_create": STAFF_POST_ONLY,
    "voting:round_open": STAFF_POST_ONLY,
    "voting:round_close": STAFF_POST_ONLY,
    "voting:round_release": STAFF_POST_ONLY,
    "voting:round_reset": STAFF_ONLY,
    "voting:deadline_update": STAFF_ONLY,
    "voting:progress": READ_ALL,
    "voting:ballot_start": {**dict.fromkeys(ROLES, "redirect"), "anonymous": "login", "outsider": 403},
    "voting:ballot": OWN_BALLOT,
    "voting:ballot_confirmation": OWN_BALLOT,
    "voting:ballot_history": OWN_BALLOT,
    "voting:results": READ_ALL,
    "voting:results_xlsx": STAFF_BEFORE_RELEASE,
    "voting:results_pdf": STAFF_BEFORE_RELEASE,
    "decisions:detail": READ_ALL,
    "decisions:edit": STAFF_ONLY,
    # No decision exists yet to confirm.
    "decisions:confirm": {**STAFF_ONLY, "staff": 404, "administrator": 404},
    # Goals and the VS/MJB document (a concept with version 0.1)
    "documents:goal_list": READ_ALL,
    "documents:goal_detail": READ_ALL,
    "documents:goal_history": READ_ALL,
    "documents:goal_create": STAFF_ONLY,
    "documents:goal_update": STAFF_ONLY,
    "documents:goal_delete": STAFF_ONLY,
    "documents:goal_put_forward": STAFF_ONLY,
    "documents:goal_withdraw": STAFF_ONLY,
    "documents:goal_adopt": STAFF_ONLY,
    "documents:document": READ_ALL,
    "documents:document_history": READ_ALL,
    "documents:compare": READ_ALL,
    "documents:version_detail": READ_ALL,
    "documents:document_edit": STAFF_ONLY,
    "documents:capacity_edit": STAFF_ONLY,
    "documents:document_transition": STAFF_ONLY,
    "documents:document_start": STAFF_POST_ONLY,
    "documents:version_create": STAFF_POST_ONLY,
    "documents:version_pdf": READ_ALL,
    "documents:version_letter_pdf": READ_ALL,
    "documents:version_docx": READ_ALL,
    # PDF/A is for the adopted version only; version 0.1 is a concept.
    "documents:version_pdfa": {**READ_ALL, **dict.fromkeys(["secretary", "bbg_member", "staff", "administrator"], 404)},
    "documents:render_status": READ_ALL,
    "goal-list": API_READ_ALL,
    "goal-detail": API_READ_ALL,
    "goal-put-forward": API_POST_ONLY,
    "document-detail": API_READ_ALL,
    "document-content": API_READ_ALL,
    "document-transition": API_POST_ONLY,
    # Monitoring (issue 14): every role reads; staff manage; the matrix's goal has no owner contact, so only staff
    # enter its values.
    "monitoring:dashboard": READ_ALL,
    "monitoring:goal": READ_ALL,
    "monitoring:goal_history": READ_ALL,
    "monitoring:values_xlsx": READ_ALL,
    "monitoring:goal_values": STAFF_ONLY,
    "monitoring:goal_status": STAFF_ONLY,
    "monitoring:goal_contacts": STAFF_ONLY,
    "monitoring:goal_indicator_create": STAFF_ONLY,
    "monitoring:indicator_update": STAFF_ONLY,
    "monitoring:moment_list": STAFF_ONLY,
    "monitoring:moment_delete": STAFF_POST_ONLY,
    "monitoring:missing": STAFF_ONLY,
    "monitoring:report": READ_ALL,
    "monitoring:report_pdf": READ_ALL,
    "monitoring:report_docx": READ_ALL,
    "monitoring:report_transition": STAFF_ONLY,
    "monitoring:report_version_create": STAFF_POST_ONLY,
    "moment-list": API_READ_ALL,
    "indicator-list": API_READ_ALL,
    "measurement-list": API_READ_ALL,
    "measurement-detail": API_READ_ALL,
    "progress-list": API_READ_ALL,
    "progress-override": API_POST_ONLY,
    # The reviews (a midterm review in concept of the monitored goal): everyone reads, staff write.
    "reviews:review_list": READ_ALL,
    "reviews:review_create": STAFF_ONLY,
    "reviews:review_detail": READ_ALL,
    "reviews:review_edit": STAFF_ONLY,
    "reviews:review_transition": STAFF_ONLY,
    "reviews:review_version_create": STAFF_POST_ONLY,
    "reviews:review_history": READ_ALL,
    "reviews:review_pdf": READ_ALL,
    "reviews:reviewgoal_edit": STAFF_ONLY,
    "review-list": API_READ_ALL,
    "review-detail": API_READ_ALL,
    "review-goals": API_POST_ONLY,
    "review-transition": API_POST_ONLY,
    "progress-explanation": API_POST_ONLY,
    # The progress reports: every role reads; staff take the steps, write the summary and freeze a version.
    "report-list": API_READ_ALL,
    "report-detail": API_READ_ALL,
    "report-transition": API_POST_ONLY,
    "report-summary": API_POST_ONLY,
    "report-version": API_POST_ONLY,
    # The councils' consultation (a round on version 0.1; the entry is Arnhem's, a GLM municipality)
    "consultation:round_list": READ_ALL,
    "consultation:round_create": STAFF_ONLY,
    "consultation:round_detail": READ_ALL,
    "consultation:round_update": STAFF_ONLY,
    "consultation:entry_update": {**STAFF_ONLY, "secretary": "ok"},
    "consultation:entry_attachment": NO_DOCUMENT,
    "consultation:municipality_log": READ_ALL,
    # The organisational and financial proposal (started, with a plan for the matrix's goal)
    "proposal:detail": READ_ALL,
    "proposal:start": STAFF_POST_ONLY,
    "proposal:edit": STAFF_ONLY,
    "proposal:plan_budget": READ_ALL,
    "proposal:key": READ_ALL,
    "proposal:key_xlsx": READ_ALL,
    "proposal:budget_xlsx": READ_ALL,
    "proposal:offer": STAFF_ONLY,
    "proposal:decision": STAFF_ONLY,
    "proposal:adopt": STAFF_ONLY,
    # Its versions (0.1 frozen for the matrix): everyone with a role downloads them; staff freeze one.
    "proposal:version_create": STAFF_POST_ONLY,
    "proposal:version_pdf": READ_ALL,
    "proposal:version_docx": READ_ALL,
    "proposal:render_status": READ_ALL,
    "proposal:history": READ_ALL,
    "consultation-round-list": API_READ_ALL,
    "consultation-round-detail": API_READ_ALL,
    "council-entry-list": API_READ_ALL,
    "council-entry-detail": API_READ_ALL,
    # The council's motion or letter: Arnhem's entry has none, so every reader gets 404.
    "council-entry-attachment": API_NO_DOCUMENT,
    # The toets's API (partners): staff only among the four roles; a contact reaches their own (below).
    "check-request-list": API_STAFF_ONLY,
    "check-request-detail": API_STAFF_ONLY,
    "check-request-answer": API_STAFF_POST_ONLY,
    "check-request-decide": API_STAFF_POST_ONLY,
    "proposal-list": API_READ_ALL,
    "proposal-detail": API_READ_ALL,
    "proposal-offer": API_POST_ONLY,
    "proposal-decisions": API_POST_ONLY,
    "proposal-adopt": API_POST_ONLY,
    "proposal-versions": API_READ_ALL,
    "proposal-key-population": API_POST_ONLY,
    "proposal-key-exclusion": API_POST_ONLY,
    "plan-detail": API_READ_ALL,
    "plan-costs": API_POST_ONLY,
    "plan-funding": API_POST_ONLY,
    # Notifications: every logged-in user has their own.
    "notifications:list": {**PUBLIC, "anonymous": "login"},
    "notifications:preferences": {**PUBLIC, "anonymous": "login"},
    "notifications:mark_read": {**dict.fromkeys(ROLES, 405), "anonymous": "login"},
    "notifications:mark_all_read": {**dict.fromkeys(ROLES, 405), "anonymous": "login"},
    # API
    "api-root": API_READ_ALL,
    "api-schema": API_READ_ALL,
    "api-docs": API_READ_ALL,
    "api-redoc": API_READ_ALL,
    "process-list": API_READ_ALL,
    "process-detail": API_READ_ALL,
    "process-conflicts": API_READ_ALL,
    "milestone-list": API_READ_ALL,
    "milestone-detail": API_READ_ALL,
    "action-list": API_READ_ALL,
    "action-detail": API_READ_ALL,
    "theme-list": API_READ_ALL,
    "theme-detail": API_READ_ALL,
    "municipalplan-list": API_READ_ALL,
    "municipalplan-detail": API_READ_ALL,
    "plantheme-list": API_READ_ALL,
    "plantheme-detail": API_READ_ALL,
    "source-list": API_READ_ALL,
    "source-detail": API_READ_ALL,
    "scan-share-detail": API_READ_ALL,
    "priority-list": API_READ_ALL,
    "priority-detail": API_READ_ALL,
    "priority-criteria": API_POST_ONLY,
    "long-list-list": API_READ_ALL,
    "long-list-detail": API_READ_ALL,
    "long-list-approve": API_POST_ONLY,
    "long-list-send": API_POST_ONLY,
    "long-list-reopen": API_POST_ONLY,
    "ballot-list": API_READ_ALL,
    "ballot-detail": {**API_READ_ALL, "bbg_member": 404},
    # The whole process through the API (issue 10): the round is the staff's, its progress everyone's; the result
    # of the matrix's open round is for staff only until it closes; the decision, reference data and copy.
    "round-list": API_STAFF_ONLY,
    "round-detail": API_STAFF_ONLY,
    "round-open": API_STAFF_POST_ONLY,
    "round-close": API_STAFF_POST_ONLY,
    "round-release": API_STAFF_POST_ONLY,
    "round-reset": API_STAFF_POST_ONLY,
    "round-deadline": API_STAFF_POST_ONLY,
    "round-progress": API_READ_ALL,
    "result-detail": API_STAFF_ONLY,
    "decision-list": API_READ_ALL,
    "decision-detail": {**API_READ_ALL, "secretary": 404, "bbg_member": 404, "staff": 404, "administrator": 404},
    "decision-confirm": API_POST_ONLY,
    "district-list": API_READ_ALL,
    "district-detail": API_READ_ALL,
    "municipality-list": API_READ_ALL,
    "municipality-detail": API_READ_ALL,
    "process-copy": API_POST_ONLY,
    # Partners (issue 16): the search, for every role; what it finds follows each kind's own rule.
    "search:search": READ_ALL,
    # The API asks for its question (?q=): without one every role that may search gets 400.
    "search-api": {**API_READ_ALL, **dict.fromkeys(["secretary", "bbg_member", "staff", "administrator"], 400)},
    # The ambtelijke toets in the portal: a municipal contact's own pages (see the contact's test below), staff's.
    # A superuser passes every rule (Django's ModelBackend): an empty start page, no toets of their own (404).
    "partners:contact_home": {**STAFF_ONLY, "staff": 403},
    "partners:check_answer": {**STAFF_ONLY, "staff": 403, "administrator": 404},
    "partners:check_overview": STAFF_ONLY,
    "partners:check_process": STAFF_ONLY,
    "partners:contact_invite": STAFF_ONLY,
    # Comments (issue 16): whoever sees the object reads and writes its comments; the matrix's comment is the
    # secretary's own on the goal (a superuser passes every rule); deleting and resolving take a POST only.
    "comments:home": READ_ALL,
    "comments:participation": READ_ALL,
    "comments:priority_comments": READ_ALL,
    "comments:goal_comments": READ_ALL,
    "comments:goal_comments_export": READ_ALL,
    "comments:comment_history": READ_ALL,
    "comments:comment_edit": {**READ_ALL, "bbg_member": 403, "staff": 403},
    "comments:comment_delete": {
        **READ_ALL,
        **dict.fromkeys(["secretary", "bbg_member", "staff", "administrator"], 405),
    },
    "comments:comment_resolve": {
        **READ_ALL,
        **dict.fromkeys(["secretary", "bbg_member", "staff", "administrator"], 405),
    },
    "priority-comments": API_READ_ALL,
    "goal-comments": API_READ_ALL,
    "comment-detail": API_READ_ALL,
    "comment-resolve": API_POST_ONLY,
    # Django admin (beheer/) is checked by its own test below, not pattern by pattern.
}


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            if entry.app_name == "admin":
                continue
            yield from _walk(entry.url_patterns, namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            # DRF's format-suffix twins (e.g. `.json`) share the name of the pattern they copy.
            if "format" in entry.pattern.regex.groupindex:
                continue
            yield f"{prefix}{entry.name}", entry


def all_url_names():
    return sorted({name for name, _ in _walk(get_resolver().url_patterns)})


def test_every_url_has_an_expected_outcome():
    missing = [name for name in all_url_names() if name not in EXPECTED]
    assert not missing, f"URLs without a rule in the permission matrix: {missing}"


@pytest.fixture
def world(process, users, districts, other_secretary):
    """One object of each kind, in the process, for the URLs that need an id. The round is open, with ballots of
    GLM (the matrix's secretary) and TWN."""
    priorities = make_frozen_long_list(process, n=10)
    voting_round = RoundFactory(process=process)
    for code in ("GLM", "TWN"):
        RoundDeadlineFactory(round=voting_round, district=districts[code])
    ballot = BallotFactory(round=voting_round, district=districts["GLM"])
    BallotFactory(round=voting_round, district=districts["TWN"])
    plan = MunicipalPlanFactory(process=process, municipality=Municipality.objects.get(name="Arnhem"))
    theme = Theme.objects.order_by("name").first()
    world = {
        "process": process,
        "milestone": MilestoneFactory(process=process),
        "action": ActionFactory(process=process),
        "absence": AbsenceFactory(),
        "priority": priorities[0],
        "ballot": ballot,
        "theme": theme,
        "municipalplan": plan,
        "municipality": plan.municipality,
        "plantheme": PlanTheme.objects.create(plan=plan, theme=theme, wording="Aanpak ondermijning"),
        "source": SourceFactory(process=process, confidentiality=Source.Confidentiality.PUBLIC),
        "goal": GoalFactory(process=process, priority=priorities[0]),
        "version": version_create(document=make_document(process), user=users["staff"]),
        "check": CheckRequest.objects.create(
            plan=plan, deadline=datetime.date(2018, 3, 1), sent_on=datetime.date(2018, 2, 1)
        ),
        **monitoring_world(process, priorities),
    }
    # The councils' consultation on version 0.1, with Arnhem's (GLM) entry.
    world["round"] = round_create(
        version=world["version"], sent_on=datetime.date(2019, 3, 1), deadline=datetime.date(2019, 4, 15),
        user=users["staff"],
    )  # fmt: skip
    world["entry"] = world["round"].entries.get(municipality__name="Arnhem")
    world["review"] = review_create(process=process, user=users["staff"], kind="midterm", moment=world["moment"])
    world["reviewgoal"] = world["review"].goals.get()
    world["consultation"], world["council"] = world["round"], world["entry"]  # the API's names
    # The proposal, set up directly (its services want adopted goals), with a plan for the goal.
    proposal = Proposal.objects.create(process=process, title="Organisatorisch en financieel voorstel")
    world["plan"] = GoalPlan.objects.create(proposal=proposal, goal=world["goal"])
    proposal_version_create(proposal=proposal, user=users["staff"])  # version 0.1, as the document's
    world["comment"] = comment_post(user=users["secretary"], target=world["goal"], body="<p>Een vraag</p>")
    return world


def url_for(name, pattern, world, user):
    kwargs = {}
    params = set(pattern.pattern.regex.groupindex)
    if "slug" in params:
        kwargs["slug"] = world["process"].slug
    if "process" in params:
        kwargs["process"] = world["process"].slug
    if "district" in params:
        kwargs["district"] = "GLM"
    if "municipality_pk" in params:
        kwargs["municipality_pk"] = world["municipalplan"].municipality_id
    if "token" in params:
        kwargs["token"] = user.calendar_token if user else "geen-geldige-sleutel"
    if "uidb64" in params:
        kwargs.update(uidb64="MQ", token="set-password")
    if "label" in params:
        kwargs["label"] = world["version"].label
    if "status" in params:
        kwargs["status"] = "sent_to_rvo"
    if "year" in params:
        kwargs["year"] = world["process"].period_start_year
    if "pk" in params:
        model = name.split(":")[-1].split("_")[0].split("-")[0]
        kwargs["pk"] = world[model].pk
    for param in params - set(kwargs):
        raise AssertionError(f"{name}: the matrix does not know how to fill <{param}>")
    return reverse(name, kwargs=kwargs)


def outcome(response):
    if response.status_code == 200:
        return "ok"
    if response.status_code in (301, 302):
        return "login" if "/account/inloggen/" in response["Location"] else "redirect"
    if response.status_code == 401:
        return 403  # DRF answers 401 or 403 for anonymous requests, depending on the authenticator.
    return response.status_code


@pytest.mark.django_db
def test_permission_matrix(client, world, users):
    """GET every URL as every role and compare with EXPECTED."""
    role_users = {"anonymous": None, **users}
    patterns = dict(_walk(get_resolver().url_patterns))
    mismatches = []
    for name, pattern in sorted(patterns.items()):
        if name not in EXPECTED:
            continue
        for role in ROLES:
            user = role_users[role]
            client.logout()
            if user is not None:
                client.force_login(user)
            url = url_for(name, pattern, world, user)
            got = outcome(client.get(url))
            want = EXPECTED[name][role]
            if got != want:
                mismatches.append(f"{role:14} {name:35} {url}: got {got}, expected {want}")
    assert not mismatches, "\n" + "\n".join(mismatches)


@pytest.mark.django_db
def test_only_administrators_reach_the_admin_site(client, users):
    for role, user in users.items():
        client.force_login(user)
        response = client.get(reverse("admin:index"))
        if role == "administrator":
            assert response.status_code == 200
            assert "VS-portaal beheer" in response.content.decode()
        else:
            assert response.status_code == 302, role
            assert "/beheer/login/" in response["Location"]


@pytest.mark.django_db
def test_an_inactive_user_with_a_role_reaches_nothing(client, process):
    user = UserFactory(role=Role.STAFF, is_active=False)
    client.force_login(user)
    response = client.get(reverse("planning:dashboard", kwargs={"slug": process.slug}))
    # An inactive account is not logged in at all: back to the login page, nothing of the process shown.
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


# A municipal contact (partners, issue 16) reaches what a user without a role reaches, except their own toets.
CONTACT_DIFFERS_FROM_OUTSIDER = {
    "planning:home": "redirect",  # to their toets
    "partners:contact_home": "ok",
    "partners:check_answer": "ok",  # the toets of their own municipality (Arnhem)
    "check-request-list": "ok",
    "check-request-detail": "ok",
    "check-request-answer": 405,  # POST only
    "check-request-decide": 405,
    # Comments on the objects of a process whose scan holds their municipality's plan (Arnhem), also in the API.
    "comments:home": "ok",
    "comments:participation": "ok",
    "comments:priority_comments": "ok",
    "comments:goal_comments": "ok",
    "comments:goal_comments_export": "ok",
    "comments:comment_history": "ok",
    "comments:comment_delete": 405,
    "comments:comment_resolve": 405,
    "priority-comments": "ok",
    "goal-comments": "ok",
    "comment-detail": "ok",
    "comment-resolve": 405,
}


@pytest.mark.django_db
def test_a_municipal_contact_reaches_only_their_own_toets(client, world, users):
    contact = UserFactory(username="contact-arnhem", role=Role.MUNICIPAL_CONTACT)
    MunicipalContact.objects.create(user=contact).municipalities.set([world["municipalplan"].municipality])
    client.force_login(contact)
    mismatches = []
    for name, pattern in sorted(dict(_walk(get_resolver().url_patterns)).items()):
        if name not in EXPECTED:
            continue
        want = CONTACT_DIFFERS_FROM_OUTSIDER.get(name, EXPECTED[name]["outsider"])
        url = url_for(name, pattern, world, contact)
        got = outcome(client.get(url))
        if got != want:
            mismatches.append(f"{name:35} {url}: got {got}, expected {want}")
    assert not mismatches, "\n" + "\n".join(mismatches)


@pytest.mark.django_db
def test_a_contact_of_another_municipality_gets_404_for_a_toets(client, world):
    contact = UserFactory(username="contact-ede", role=Role.MUNICIPAL_CONTACT)
    MunicipalContact.objects.create(user=contact).municipalities.set([Municipality.objects.get(name="Ede")])
    client.force_login(contact)
    assert client.get(reverse("partners:check_answer", kwargs={"pk": world["check"].pk})).status_code == 404
