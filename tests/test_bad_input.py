"""Bad input on the main forms and API write endpoints: empty, huge, unicode, NUL bytes, markup and script.

Whatever comes in: never a 500. Refused input gets a clear Dutch message (a 4xx from the API; the form shown again,
200 or 400, with its errors) and stores nothing. Markup that is accepted as text is escaped wherever it is shown;
the document's prose is sanitised and never keeps a <script>.
"""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from decisions.models import BbgDecision
from documents.models import Document, Goal
from planning.models import Absence, Action, Milestone, StrategyProcess
from priorities.models import Priority
from scan.models import Source, Theme
from tests.decisions.conftest import closed_round  # noqa: F401  (fixture)
from tests.decisions.test_views import form_data as decision_data
from tests.documents.factories import make_document, make_top_five
from tests.documents.test_views import goal_post
from tests.planning.factories import PersonFactory, StrategyProcessFactory
from tests.planning.test_action_views import form_data as action_data
from tests.planning.test_api import milestone_payload
from tests.planning.test_milestone_views import form_data as milestone_data
from tests.planning.test_process_views import new_process_data
from tests.priorities.test_views import _priority_post as priority_data
from tests.voting.conftest import long_list, voting_round  # noqa: F401  (fixtures)
from tests.voting.factories import RoundDeadlineFactory, RoundFactory, make_frozen_long_list
from voting.models import Ballot

SCRIPT = "<script>alert(1)</script>"
PAYLOADS = {
    "huge": "x" * 100_000,
    "unicode": "Veiligheid 🚓🔥 שָׁלוֹם مرحبا Z̷̢a̸l̶g̵o e\u0301\u200f",
    "nul": "vóór\x00na",
    "markup": "<b>x</b>",
    "script": SCRIPT,
}
ENGLISH = ["This field is required", "Ensure this value", "Null characters are not allowed", "Enter a valid"]


# --- Forms ------------------------------------------------------------------------------------------------------


def _form_cases():
    """name: (role, url(ctx), baseline(ctx), text fields, snapshot(ctx)) -- the snapshot changes iff stored."""

    def count(model):
        return lambda ctx: model.objects.count()

    return {
        "milestone": (
            "staff",
            lambda c: reverse("planning:milestone_create", kwargs={"slug": c["process"].slug}),
            lambda c: milestone_data(c["process"]),
            ["title", "description", "deliverables", "notes"],
            count(Milestone),
        ),
        "action": (
            "staff",
            lambda c: reverse("planning:action_create", kwargs={"slug": c["process"].slug}),
            lambda c: action_data(),
            ["title", "description"],
            count(Action),
        ),
        "absence": (
            "staff",
            lambda c: reverse("planning:absence_create"),
            lambda c: {"person": c["person"].pk, "starts_on": "2018-09-12", "ends_on": "", "reason": "werkbezoek"},
            ["reason"],
            count(Absence),
        ),
        "process": (
            "staff",
            lambda c: reverse("planning:process_create"),
            lambda c: new_process_data(),
            ["title", "short_name", "description"],
            count(StrategyProcess),
        ),
        "theme": (
            "staff",
            lambda c: reverse("scan:theme_create"),
            lambda c: {"name": "Veilige haven", "description": "Havens"},
            ["name", "description"],
            count(Theme),
        ),
        "source": (
            "staff",
            lambda c: reverse("scan:source_create", kwargs={"slug": c["process"].slug}),
            lambda c: {
                "title": "Evaluatie",
                "kind": "evaluation",
                "published_on": "2017-10-09",
                "owner": "Commissie",
                "reference": "kluis",
                "confidentiality": "public",
                "notes": "",
            },
            ["title", "owner", "reference", "notes"],
            count(Source),
        ),
        "priority": (
            "staff",
            lambda c: reverse("priorities:priority_create", kwargs={"slug": c["open_process"].slug}),
            lambda c: priority_data("Cybercrime"),
            ["title", "description"],
            count(Priority),
        ),
        "goal": (
            "staff",
            lambda c: reverse("documents:goal_create", kwargs={"slug": c["goal_process"].slug}),
            lambda c: goal_post(c["top_five"][2]),
            ["title", "description", "indicator", "organisation"],
            count(Goal),
        ),
        "document": (
            "staff",
            lambda c: reverse("documents:document_edit", kwargs={"slug": c["goal_process"].slug}),
            lambda c: _document_data(c["document"]),
            ["title", "intro_html", "mjb_national_html"],
            lambda c: Document.objects.values_list("title", "intro_html", "mjb_national_html").get(pk=c["document"].pk),
        ),
        "ballot": (
            "secretary",
            lambda c: reverse("voting:ballot", kwargs={"slug": c["ballot_process"].slug, "district": "GLM"}),
            lambda c: {
                "choice": [str(p.pk) for p in c["ballot_list"][:7]],
                "council_involvement": "informed",
                "council_note": "",
                "remark": "",
            },
            ["council_note", "remark"],
            count(Ballot),
        ),
        "decision": (
            "staff",
            lambda c: reverse("decisions:edit", kwargs={"slug": c["process"].slug}),
            lambda c: decision_data(c["long_list"][:5]),
            ["notes", "ambition_1", "ambition_2"],
            count(BbgDecision),
        ),
    }


PROSE = ["intro_html", "principles_html", "preconditions_html", "mjb_local_html", "mjb_national_html", "mjb_om_html",
         "capacity_html", "letter_html"]  # fmt: skip


def _document_data(document):
    return {"title": document.title, **{name: getattr(document, name) for name in PROSE}}


FORM_CASES = _form_cases()


class Context:
    """What the forms need, built on first use: the matrix's process (with a closed round and its frozen list, for
    the decision), a process with an open list (new priorities), one with an open round (the GLM ballot), and one
    with the top five, goals and the document."""

    def __init__(self, request):
        self.request = request
        self.cache = {}

    def __getitem__(self, key):
        if key not in self.cache:
            self.cache[key] = getattr(self, f"make_{key}")()
        return self.cache[key]

    def fixture(self, name):
        return self.request.getfixturevalue(name)

    def make_users(self):
        return self.fixture("users")

    def make_process(self):
        self.fixture("closed_round")
        return self.fixture("process")

    def make_long_list(self):
        return self.fixture("long_list")

    def make_person(self):
        return PersonFactory()

    def make_open_process(self):
        return StrategyProcessFactory(slug="vs-open")

    def make_ballot_process(self):
        ballot_process = StrategyProcessFactory(slug="vs-keuze")
        self.cache["ballot_list"] = make_frozen_long_list(ballot_process)
        RoundDeadlineFactory(round=RoundFactory(process=ballot_process), district=self["users"]["secretary"].district)
        return ballot_process

    def make_ballot_list(self):
        self["ballot_process"]
        return self.cache["ballot_list"]

    def make_goal_process(self):
        return StrategyProcessFactory(slug="vs-doelen")

    def make_top_five(self):
        return make_top_five(self["goal_process"])

    def make_document(self):
        return make_document(self["goal_process"])


@pytest.fixture
def ctx(request, db):
    return Context(request)


def form_errors(response):
    errors = []
    for context in response.context or []:
        for value in context.flatten().values() if hasattr(context, "flatten") else []:
            if hasattr(value, "errors") and value.errors:
                errors.append(str(value.errors))
    return errors


def _check_refused(response, before, after, label):
    assert response.status_code in (200, 400), label
    assert after == before, f"{label}: stored although refused"
    body = response.content.decode()
    assert form_errors(response) or "niet opgeslagen" in body, f"{label}: refused without a message"
    for english in ENGLISH:
        assert english not in body, f"{label}: English message {english!r}"


@pytest.mark.django_db
@pytest.mark.parametrize("form", FORM_CASES)
@pytest.mark.parametrize("kind", ["empty", *PAYLOADS])
def test_a_form_survives_bad_input(client, ctx, form, kind):
    role, url_of, baseline, fields, snapshot = FORM_CASES[form]
    client.force_login(ctx["users"][role])
    url = url_of(ctx)
    label = f"{form} {kind} {url}"
    if kind == "empty":
        data = dict.fromkeys(baseline(ctx), "")
    else:
        data = {**baseline(ctx), **dict.fromkeys(fields, PAYLOADS[kind])}
    before = snapshot(ctx)
    response = client.post(url, data)
    after = snapshot(ctx)
    assert response.status_code < 500, label
    if kind in ("empty", "nul"):
        _check_refused(response, before, after, label)
        return
    if response.status_code != 302:
        _check_refused(response, before, after, label)
        return
    assert after != before, f"{label}: redirected without storing"
    if form == "document":
        stored = Document.objects.get(pk=ctx["document"].pk)
        assert "<script" not in stored.intro_html + stored.mjb_national_html, label
    if kind in ("markup", "script"):
        escaped = PAYLOADS[kind].replace("<", "&lt;").replace(">", "&gt;")
        shown = client.get(response["Location"]).content.decode()
        assert SCRIPT not in shown, label
        if form != "document":  # the document page shows its title in the header only when it is not the default
            assert escaped in shown, f"{label}: the accepted text is not shown escaped on {response['Location']}"


# --- API --------------------------------------------------------------------------------------------------------


def _api_cases():
    """name: (role, url, baseline(ctx), text fields, model)."""
    return {
        "milestones": ("staff", "/api/milestones/", lambda c: milestone_payload(c["process"]),
                       ["title", "description", "deliverables", "notes"], Milestone),
        "actions": ("staff", "/api/actions/", lambda c: {"process": c["process"].slug, "title": "Advies",
                    "due_on": "2018-04-04"}, ["title", "description"], Action),
        "processes": ("staff", "/api/processes/", lambda c: {"title": "X", "short_name": "X", "slug": "x",
                      "period_start_year": 2023, "period_end_year": 2026}, ["title", "short_name", "description"],
                      StrategyProcess),
        "priorities": ("staff", "/api/priorities/", lambda c: {"process": c["open_process"].slug, "title": "Cyber",
                       "urgency": "desired"}, ["title", "description"], Priority),
        "goals": ("staff", "/api/goals/", lambda c: {"process": c["goal_process"].slug,
                  "priority": c["top_five"][0].pk, "title": "Via de API", "owner": "police"},
                  ["title", "description", "indicator"], Goal),
        "ballots": ("secretary", "/api/ballots/", lambda c: {"process": c["ballot_process"].slug, "district": "GLM",
                    "priorities": [p.pk for p in c["ballot_list"][:7]]}, ["remark", "council_note"], Ballot),
    }  # fmt: skip


API_CASES = _api_cases()


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", API_CASES)
@pytest.mark.parametrize("kind", ["empty", *PAYLOADS])
def test_an_api_endpoint_survives_bad_input(ctx, endpoint, kind):
    role, url, baseline, fields, model = API_CASES[endpoint]
    api = APIClient()
    api.force_authenticate(ctx["users"][role])
    if kind == "empty":
        data = dict.fromkeys(baseline(ctx), "")
    else:
        data = {**baseline(ctx), **dict.fromkeys(fields, PAYLOADS[kind])}
    before = model.objects.count()
    response = api.post(url, data, format="json")
    label = f"POST {url} {kind}: {response.status_code} {response.content[:300]!r}"
    assert response.status_code < 500, label
    if kind in ("empty", "nul") or response.status_code >= 400:
        assert 400 <= response.status_code < 500, label
        assert model.objects.count() == before, label
        body = response.content.decode()
        for english in ENGLISH:
            assert english not in body, label
        return
    assert response.status_code in (200, 201), label
    # JSON is not HTML: the API returns the text as it was given, and the pages escape it (tested above).
    assert response.json().get(fields[0]) == PAYLOADS[kind], label
