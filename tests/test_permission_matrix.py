"""Every URL of the project, for every role and for anonymous visitors, with the outcome each must get.

A URL that is not in EXPECTED fails the test: a new page needs a decision about who may see it.
Outcomes: "ok" (200 and a page), "login" (redirect to the login page), 403, 404, 405 (wrong method),
"redirect" (any other redirect).
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts.models import Role
from tests.accounts.factories import UserFactory
from tests.planning.factories import AbsenceFactory, ActionFactory, MilestoneFactory

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
    # API
    "api-schema": API_READ_ALL,
    "api-docs": API_READ_ALL,
    "api-redoc": API_READ_ALL,
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
def world(process, users):
    """One object of each kind, in the process, for the URLs that need an id."""
    milestone = MilestoneFactory(process=process)
    action = ActionFactory(process=process)
    absence = AbsenceFactory()
    return {"process": process, "milestone": milestone, "action": action, "absence": absence}


def url_for(name, pattern, world, user):
    kwargs = {}
    params = set(pattern.pattern.regex.groupindex)
    if "slug" in params:
        kwargs["slug"] = world["process"].slug
    if "token" in params:
        kwargs["token"] = user.calendar_token if user else "geen-geldige-sleutel"
    if "uidb64" in params:
        kwargs.update(uidb64="MQ", token="set-password")
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
    assert response.status_code in (302, 403)
