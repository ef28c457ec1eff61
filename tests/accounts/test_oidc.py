"""Single sign-on against a real OpenID Connect provider (oidc-provider-mock), started by the test on loopback:
login, a new user without a role, matching on the stable claim, the role mapping, a refused state and nonce, the
provider's MFA and the local second factor, logout at the provider."""

from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.contrib.auth import SESSION_KEY
from django.urls import reverse
from oidc_provider_mock import User as ProviderUser
from oidc_provider_mock import run_server_in_thread

from accounts.models import Role, User
from audit.models import AuditEvent
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

PEOPLE = [
    ProviderUser(
        sub="a1b2-jansen",
        claims={
            "email": "m.jansen@gemeente.example",
            "given_name": "Marieke",
            "family_name": "Jansen",
            "preferred_username": "mjansen",
            "amr": ["pwd"],
            "groups": ["vs-staf"],
        },
    ),
    ProviderUser(
        sub="c3d4-pietersen",
        claims={
            "email": "k.pietersen@politie.example",
            "given_name": "Koen",
            "family_name": "Pietersen",
            "amr": ["pwd", "mfa"],
            "groups": ["vs-staf"],
        },
    ),
]


@pytest.fixture(scope="module")
def provider():
    """A real OIDC provider on a free loopback port; it requires a nonce, as our client always sends one."""
    with run_server_in_thread(require_nonce=True, user_claims=PEOPLE) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture
def sso(settings, provider):
    settings.OIDC_ENABLED = True
    settings.OIDC_RP_CLIENT_ID = "vs-portaal"
    settings.OIDC_RP_CLIENT_SECRET = "geheim-voor-de-test"
    settings.OIDC_OP_DISCOVERY_ENDPOINT = f"{provider}/.well-known/openid-configuration"
    settings.AUTHENTICATION_BACKENDS = [
        "axes.backends.AxesStandaloneBackend",
        "django.contrib.auth.backends.ModelBackend",
        "accounts.oidc.RoleMappingOIDCBackend",
        "accounts.rules.RuleBackend",
    ]
    return provider


def start(client) -> str:
    """Click 'Inloggen via uw organisatie': returns the provider's authorisation address we are sent to."""
    response = client.get(reverse("oidc_authentication_init"))
    assert response.status_code == 302
    return response["Location"]


def choose_account(authorize_url: str, sub: str) -> str:
    """At the provider, the person picks their account; returns the callback address the provider sends them to."""
    response = requests.post(authorize_url, data={"sub": sub}, allow_redirects=False, timeout=10)
    assert response.status_code == 302, response.text
    return response.headers["Location"]


def follow_callback(client, callback_url: str):
    parts = urlsplit(callback_url)
    assert parts.path == reverse("oidc_authentication_callback")
    return client.get(f"{parts.path}?{parts.query}")


def sso_login(client, sub: str):
    return follow_callback(client, choose_account(start(client), sub))


def test_the_login_page_offers_single_sign_on_when_configured(client, sso):
    page = client.get(reverse("login")).content.decode()

    assert "Inloggen via uw organisatie" in page
    assert reverse("oidc_authentication_init") in page


def test_the_request_to_the_provider_carries_state_nonce_and_our_callback(client, sso):
    query = parse_qs(urlsplit(start(client)).query)

    assert query["client_id"] == ["vs-portaal"]
    assert query["response_type"] == ["code"]
    assert query["redirect_uri"] == ["http://testserver/oidc/callback/"]
    assert len(query["state"][0]) >= 32
    assert len(query["nonce"][0]) >= 32


def test_a_new_user_logs_in_and_gets_an_account_without_a_role(client, sso):
    response = sso_login(client, "a1b2-jansen")

    assert response.status_code == 302
    user = User.objects.get(oidc_subject="a1b2-jansen")
    assert client.session[SESSION_KEY] == str(user.pk)
    assert (user.username, user.first_name, user.last_name) == ("mjansen", "Marieke", "Jansen")
    assert user.email == "m.jansen@gemeente.example"
    assert user.role == ""
    assert not user.has_usable_password()
    assert client.get(reverse("planning:home")).status_code == 403
    profile = client.get(reverse("profile")).content.decode()
    assert "Geen rol" in profile
    assert "Wachtwoord wijzigen" not in profile
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.LOGIN, user=user)
    assert event.details == {"method": "oidc"}


def test_an_existing_account_is_matched_on_the_stable_claim_not_the_email(client, sso, districts):
    linked = UserFactory(
        username="secretaris-nog",
        email="oud-adres@example.org",
        role=Role.DVO_SECRETARY,
        district=districts["NOG"],
        oidc_subject="a1b2-jansen",
    )
    UserFactory(username="andere", email="m.jansen@gemeente.example", role=Role.STAFF)

    sso_login(client, "a1b2-jansen")

    linked.refresh_from_db()
    assert client.session[SESSION_KEY] == str(linked.pk)
    assert linked.email == "m.jansen@gemeente.example"
    assert linked.role == Role.DVO_SECRETARY  # the role an administrator gave stays
    assert User.objects.count() == 2


def test_the_documented_claim_to_role_mapping_gives_the_role(client, sso, settings):
    settings.OIDC_ROLE_CLAIM = "groups"
    settings.OIDC_ROLE_MAP = {"vs-staf": "staff", "vs-beheer": "administrator"}

    sso_login(client, "a1b2-jansen")

    user = User.objects.get(oidc_subject="a1b2-jansen")
    assert user.role == Role.STAFF
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.ROLE_CHANGE, object_id=str(user.pk)).exists()


def test_a_forged_state_is_refused(client, sso):
    callback = choose_account(start(client), "a1b2-jansen")
    query = parse_qs(urlsplit(callback).query)

    response = client.get(
        reverse("oidc_authentication_callback"), {"code": query["code"][0], "state": "door-een-aanvaller-gemaakt"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/account/inloggen/?sso=mislukt"
    assert SESSION_KEY not in client.session
    assert not User.objects.filter(oidc_subject="a1b2-jansen").exists()
    page = client.get(response["Location"]).content.decode()
    assert "Inloggen via uw organisatie is niet gelukt" in page
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.LOGIN_FAILED, details__method="oidc").exists()


def test_a_token_with_another_nonce_is_refused(client, sso):
    """The ID token's nonce must be the one this browser's session sent; a token obtained for another login (a
    replay) carries another one."""
    callback = choose_account(start(client), "a1b2-jansen")
    session = client.session
    state = next(iter(session["oidc_states"]))
    session["oidc_states"][state]["nonce"] = "een-andere-nonce"
    session.save()

    response = follow_callback(client, callback)

    assert response["Location"] == "/account/inloggen/?sso=mislukt"
    assert SESSION_KEY not in client.session


def test_a_code_used_twice_is_refused(client, sso):
    callback = choose_account(start(client), "a1b2-jansen")
    follow_callback(client, callback)
    client.post(reverse("logout"))

    # The same callback again, as an attacker who copied it would: the state is spent, the session new.
    response = follow_callback(client, callback)

    assert response["Location"] == "/account/inloggen/?sso=mislukt"
    assert SESSION_KEY not in client.session


def test_staff_whose_provider_did_mfa_need_no_local_second_factor(client, sso, settings):
    settings.TWO_FACTOR_REQUIRED = True
    UserFactory(username="koen", role=Role.STAFF, oidc_subject="c3d4-pietersen")

    sso_login(client, "c3d4-pietersen")

    assert client.get(reverse("planning:home")).status_code == 200


def test_staff_whose_provider_did_not_do_mfa_must_still_enrol(client, sso, settings):
    settings.TWO_FACTOR_REQUIRED = True
    UserFactory(username="marieke", role=Role.STAFF, oidc_subject="a1b2-jansen")

    sso_login(client, "a1b2-jansen")

    response = client.get(reverse("planning:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor:setup"))


def test_the_provider_mfa_exemption_can_be_switched_off(client, sso, settings):
    settings.TWO_FACTOR_REQUIRED = True
    settings.OIDC_MFA_EXEMPTS = False
    UserFactory(username="koen", role=Role.STAFF, oidc_subject="c3d4-pietersen")

    sso_login(client, "c3d4-pietersen")

    assert client.get(reverse("planning:home"))["Location"].startswith(reverse("two_factor:setup"))


def test_logout_ends_the_session_here_and_at_the_provider(client, sso, settings):
    settings.SITE_URL = "https://vs.example.org"
    sso_login(client, "a1b2-jansen")
    id_token = client.session["oidc_id_token"]

    response = client.post(reverse("logout"))

    assert SESSION_KEY not in client.session
    parts = urlsplit(response["Location"])
    assert f"{parts.scheme}://{parts.netloc}" == sso
    assert parts.path == "/oauth2/end_session"
    query = parse_qs(parts.query)
    assert query["id_token_hint"] == [id_token]
    assert query["post_logout_redirect_uri"] == ["https://vs.example.org/account/inloggen/"]
    assert requests.get(response["Location"], timeout=10).status_code == 200


def test_a_local_account_still_logs_in_with_its_password(client, sso, staff, password):
    response = client.post(reverse("login"), {"username": staff.username, "password": password})

    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(staff.pk)


def test_an_unreachable_provider_sends_the_user_back_to_the_login_page(client, settings):
    settings.OIDC_ENABLED = True
    settings.OIDC_RP_CLIENT_ID = "vs-portaal"
    settings.OIDC_OP_DISCOVERY_ENDPOINT = "http://127.0.0.1:1/.well-known/openid-configuration"  # nothing listens

    response = client.get(reverse("oidc_authentication_init"))

    assert response.status_code == 302
    assert response["Location"] == "/account/inloggen/?sso=mislukt"


def test_permission_checks_never_ask_the_provider(client, staff, settings):
    """Django builds every backend for each permission check; the SSO backend must not look anything up then."""
    settings.OIDC_ENABLED = True
    settings.OIDC_RP_CLIENT_ID = "vs-portaal"
    settings.OIDC_OP_DISCOVERY_ENDPOINT = "http://127.0.0.1:1/.well-known/openid-configuration"
    settings.AUTHENTICATION_BACKENDS = [
        "django.contrib.auth.backends.ModelBackend",
        "accounts.oidc.RoleMappingOIDCBackend",
        "accounts.rules.RuleBackend",
    ]
    client.force_login(staff, backend="django.contrib.auth.backends.ModelBackend")

    assert client.get(reverse("planning:home")).status_code == 200


# --- An invited contact links their account to the provider ----------------------------------------------------


def _invited_contact(staff):
    from partners.services import contact_invite
    from planning.models import Municipality

    contact = contact_invite(email="ivp@epe.example", first_name="Ilse", last_name="Veen",
                             municipalities=[Municipality.objects.get(name="Epe")], invited_by=staff)  # fmt: skip
    return contact.user


def _link_path(user) -> str:
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    return reverse("oidc_link", kwargs={"uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                                        "token": default_token_generator.make_token(user)})  # fmt: skip


def test_the_invitation_offers_single_sign_on_when_configured(
    sso, staff, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        user = _invited_contact(staff)
    message = next(m for m in mailoutbox if m.to == ["ivp@epe.example"])
    uidb64 = _link_path(user).split("/")[3]
    assert f"http://testserver/oidc/koppelen/{uidb64}/" in message.body or f"/oidc/koppelen/{uidb64}/" in message.body
    assert "single sign-on" in message.body
    assert "Inloggen via uw organisatie" in message.alternatives[0][0]


def test_an_invited_contact_links_their_account_at_the_first_single_sign_on(client, sso, staff):
    user = _invited_contact(staff)
    page = client.get(_link_path(user)).content.decode()
    assert "Verder naar het inloggen van uw organisatie" in page
    response = client.post(_link_path(user))
    assert response["Location"] == reverse("oidc_authentication_init")
    follow_callback(client, choose_account(start(client), "c3d4-pietersen"))

    user.refresh_from_db()
    assert client.session[SESSION_KEY] == str(user.pk)
    assert user.oidc_subject == "c3d4-pietersen"
    assert user.role == Role.MUNICIPAL_CONTACT  # still the contact of Epe, not a new account without a role
    assert User.objects.filter(oidc_subject="c3d4-pietersen").count() == 1
    assert user.history.filter(history_change_reason__contains="via de uitnodiging").exists()
    # The link is spent: the first login changed what its token was made of.
    client.post(reverse("logout"))
    assert "Link werkt niet meer" in client.get(_link_path(user)).content.decode()


def test_a_spent_or_forged_link_links_nothing(client, sso, staff):
    user = _invited_contact(staff)
    forged = _link_path(user).rsplit("/", 2)[0] + "/niet-de-token/"
    assert "Link werkt niet meer" in client.get(forged).content.decode()
    client.post(forged)
    sso_login(client, "a1b2-jansen")
    user.refresh_from_db()
    assert user.oidc_subject is None
    assert User.objects.get(oidc_subject="a1b2-jansen").role == ""


def test_the_link_page_is_not_there_without_single_sign_on(client, staff, settings):
    settings.OIDC_ENABLED = False
    user = _invited_contact(staff)
    assert client.get(_link_path(user)).status_code == 404
