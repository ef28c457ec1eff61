"""Security headers on every main page, and no inline script anywhere: the Content Security Policy allows none.

The headers come from Django's SecurityMiddleware and XFrameOptionsMiddleware and from vs_portal/security.py.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.documents.factories import GoalFactory, make_document
from tests.planning.factories import ActionFactory, MilestoneFactory
from tests.voting.factories import RoundDeadlineFactory, RoundFactory, make_frozen_long_list
from vs_portal.security import CONTENT_SECURITY_POLICY

EXPECTED_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; "
        "object-src 'none'"
    ),
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}

# Script types that hold data, not code (Django's json_script): the browser never runs them, so CSP allows them.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


class ScriptFinder(HTMLParser):
    """Collects what a strict CSP would block: inline scripts, event-handler attributes and javascript: links."""

    def __init__(self):
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []
        self.inline_handlers: list[str] = []
        self._in_inline_script = False
        self.inline_script_bodies: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.inline_handlers.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.inline_handlers.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            self.scripts.append(attributes)
            script_type = (attributes.get("type") or "").lower()
            self._in_inline_script = not attributes.get("src") and script_type not in DATA_SCRIPT_TYPES
            if self._in_inline_script:
                self.inline_script_bodies.append("")

    def handle_data(self, data):
        if self._in_inline_script:
            self.inline_script_bodies[-1] += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_inline_script = False


def find_scripts(html: str) -> ScriptFinder:
    finder = ScriptFinder()
    finder.feed(html)
    finder.close()
    return finder


def assert_security_headers(response, where: str, **overrides: str):
    for header, value in {**EXPECTED_HEADERS, **overrides}.items():
        assert response.headers.get(header) == value, f"{where}: {header} is {response.headers.get(header)!r}"


def assert_no_inline_script(html: str, where: str):
    found = find_scripts(html)
    assert not found.inline_script_bodies, f"{where}: inline <script> without src: {found.inline_script_bodies[:2]}"
    assert not found.inline_handlers, f"{where}: inline event handlers: {found.inline_handlers[:5]}"
    assert found.scripts, f"{where}: no scripts at all; is this the page you meant?"


def test_the_finder_catches_inline_code():
    found = find_scripts(
        '<script src="/static/a.js"></script><script>alert(1)</script><script type="application/json">{}</script>'
        '<button onclick="go()">x</button><a href="javascript:go()">y</a>'
    )
    assert found.inline_script_bodies == ["alert(1)"]
    assert len(found.inline_handlers) == 2


# --- Every main page ----------------------------------------------------------------------------------------------


@pytest.fixture
def world(process, districts, staff):
    """A process with a milestone, an action, a frozen long list, an open round and a goal with its document."""
    priorities = make_frozen_long_list(process, n=10)
    voting_round = RoundFactory(process=process)
    for district in districts.values():
        RoundDeadlineFactory(round=voting_round, district=district)
    make_document(process)
    return {
        "milestone": MilestoneFactory(process=process),
        "action": ActionFactory(process=process),
        "priority": priorities[0],
        "goal": GoalFactory(process=process, priority=priorities[0]),
    }


def staff_pages(process, world) -> list[tuple[str, dict]]:
    slug = {"slug": process.slug}
    return [
        ("planning:home", {}),
        ("planning:dashboard", slug),
        ("planning:timeline", slug),
        ("planning:conflict_list", slug),
        ("planning:milestone_list", slug),
        ("planning:milestone_create", slug),
        ("planning:milestone_detail", {**slug, "pk": world["milestone"].pk}),
        ("planning:milestone_update", {**slug, "pk": world["milestone"].pk}),
        ("planning:action_list", slug),
        ("planning:action_detail", {**slug, "pk": world["action"].pk}),
        ("planning:absence_list", {}),
        ("planning:calendar", {}),
        ("scan:theme_list", {}),
        ("scan:matrix", slug),
        ("scan:plan_list", slug),
        ("scan:source_list", slug),
        ("priorities:longlist", slug),
        ("priorities:priority_detail", {**slug, "pk": world["priority"].pk}),
        ("voting:round_detail", slug),
        ("voting:progress", slug),
        ("voting:results", slug),
        ("decisions:detail", slug),
        ("documents:goal_list", slug),
        ("documents:goal_detail", {**slug, "pk": world["goal"].pk}),
        ("documents:goal_update", {**slug, "pk": world["goal"].pk}),
        ("documents:document", slug),
        ("notifications:list", {}),
        ("notifications:preferences", {}),
        ("profile", {}),
        ("password_change", {}),
    ]


PUBLIC_PAGES = ["login", "password_reset", "password_reset_done", "accessibility"]


@pytest.mark.django_db
def test_every_main_page_sends_the_security_headers_and_no_inline_script(client, process, world, staff):
    client.force_login(staff)
    for name, kwargs in staff_pages(process, world):
        url = reverse(name, kwargs=kwargs)
        response = client.get(url)
        assert response.status_code == 200, f"{name} ({url}) answered {response.status_code}"
        assert_security_headers(response, name)
        assert_no_inline_script(response.content.decode(), name)


@pytest.mark.django_db
def test_the_ballot_form_sends_the_headers_and_loads_its_script_as_a_file(client, process, world, secretary):
    client.force_login(secretary)
    response = client.get(reverse("voting:ballot", kwargs={"slug": process.slug, "district": "GLM"}))

    assert response.status_code == 200
    assert_security_headers(response, "voting:ballot")
    html = response.content.decode()
    assert_no_inline_script(html, "voting:ballot")
    assert any("js/ballot.js" in (script.get("src") or "") for script in find_scripts(html).scripts)


@pytest.mark.django_db
@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_pages_send_the_headers_and_no_inline_script(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 200
    assert_security_headers(response, name)
    assert_no_inline_script(response.content.decode(), name)


@pytest.mark.django_db
def test_error_pages_and_redirects_carry_the_headers_too(client, process):
    not_found = client.get("/bestaat-niet/")
    to_login = client.get(reverse("planning:dashboard", kwargs={"slug": process.slug}))

    assert not_found.status_code == 404
    assert_security_headers(not_found, "404")
    assert to_login.status_code == 302
    assert_security_headers(to_login, "redirect to login")


@pytest.mark.django_db
def test_the_admin_site_sends_the_headers_and_no_inline_script(client, administrator):
    client.force_login(administrator)
    for url in (reverse("admin:index"), reverse("admin:accounts_user_changelist")):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_security_headers(response, url)
        assert_no_inline_script(response.content.decode(), url)


@pytest.mark.django_db
def test_https_responses_carry_hsts_when_debug_is_off(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True

    response = client.get(reverse("login"), secure=True)

    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


@pytest.mark.django_db
def test_the_session_cookie_is_http_only_and_secure_in_production(client, staff, password, settings):
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True

    login_page = client.get(reverse("login"), secure=True)
    response = client.post(reverse("login"), {"username": staff.username, "password": password}, secure=True)

    assert response.status_code == 302
    session_cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session_cookie["httponly"] is True
    assert session_cookie["secure"] is True
    csrf_cookie = login_page.cookies[settings.CSRF_COOKIE_NAME]
    assert csrf_cookie["secure"] is True


# --- The API documentation -----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_swagger_ui_loads_its_start_up_code_as_a_file_not_inline(client, staff):
    client.force_login(staff)

    page = client.get(reverse("api-docs"))

    assert page.status_code == 200
    assert_security_headers(page, "api-docs")
    html = page.content.decode()
    assert_no_inline_script(html, "api-docs")
    start_up = next(s["src"] for s in find_scripts(html).scripts if "script=" in (s.get("src") or ""))
    script = client.get(start_up.replace("&amp;", "&"))
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert "SwaggerUIBundle" in script.content.decode()


@pytest.mark.django_db
def test_redoc_has_no_inline_script_and_no_google_fonts(client, staff):
    client.force_login(staff)

    page = client.get(reverse("api-redoc"))

    assert page.status_code == 200
    # The one relaxed policy: Redoc builds its search index in a worker started from a blob: URL.
    relaxed = {"Content-Security-Policy": CONTENT_SECURITY_POLICY + "; worker-src 'self' blob:"}
    assert_security_headers(page, "api-redoc", **relaxed)
    html = page.content.decode()
    assert_no_inline_script(html, "api-redoc")
    assert not re.search(r"googleapis|gstatic", html)


# --- Templates ----------------------------------------------------------------------------------------------------

SCRIPT_TAG = re.compile(r"<script\b[^>]*>", re.IGNORECASE)


def test_no_template_holds_an_inline_script():
    """Also covers the pages the list above does not visit: every <script> in templates/ has a src."""
    offenders = []
    for path in sorted((Path(settings.BASE_DIR) / "templates").rglob("*.html")):
        for tag in SCRIPT_TAG.findall(path.read_text()):
            if "src=" not in tag and not any(kind in tag for kind in DATA_SCRIPT_TYPES):
                offenders.append(f"{path.relative_to(settings.BASE_DIR)}: {tag}")
    assert not offenders, "inline scripts; move them to static/js/:\n" + "\n".join(offenders)
