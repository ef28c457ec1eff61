"""The admin speaks Dutch, also where a package names things in English only (axes, DRF's tokens, django-otp)."""

from django.urls import reverse


def test_the_admin_index_and_user_list_are_dutch(client, administrator):
    client.force_login(administrator)
    page = client.get(reverse("admin:index")).content.decode()
    for english in ("Model name", "Add link", "Access attempts", "Access logs", "Tokens", "Static devices", "TOTP"):
        assert english not in page, english
    for dutch in ("Inlogpogingen", "API-sleutels", "Tweede factor: reservecodes", "Authenticator-apps"):
        assert dutch in page, dutch
    users = client.get(reverse("admin:accounts_user_changelist")).content.decode()
    assert "Get full name" not in users
    assert ">Naam<" in users
