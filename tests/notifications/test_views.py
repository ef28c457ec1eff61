"""The notification pages: the list with the unread count (also in the navigation), marking read, the preference."""

import pytest
from django.urls import reverse

from notifications.models import Notification, NotificationPreference

from .factories import NotificationFactory

pytestmark = pytest.mark.django_db

LIST = reverse("notifications:list")


@pytest.fixture
def mine(secretary):
    return [NotificationFactory(user=secretary, title=f"Herinnering {i}", url="/agenda/") for i in range(3)]


def test_anonymous_goes_to_login(client):
    for name in ("notifications:list", "notifications:preferences"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert "/account/inloggen/" in response["Location"]
    response = client.post(reverse("notifications:mark_all_read"))
    assert "/account/inloggen/" in response["Location"]


def test_a_user_sees_their_own_notifications_and_the_unread_count(client, secretary, staff, mine):
    NotificationFactory(user=staff, title="Voor de staf")
    client.force_login(secretary)
    page = client.get(LIST).content.decode()
    assert "Herinnering 0" in page
    assert "Herinnering 2" in page
    assert "Voor de staf" not in page
    assert "3 ongelezen meldingen" in page
    # In the navigation: "Meldingen (3)" to the eye, "3 ongelezen meldingen" to a screen reader.
    assert 'aria-hidden="true">(3)</span><span class="visually-hidden">, 3 ongelezen meldingen</span>' in page


def test_the_navigation_shows_the_count_on_other_pages(client, secretary, mine):
    client.force_login(secretary)
    page = client.get(reverse("profile")).content.decode()
    assert 'id="nav-notifications"' in page
    assert "3 ongelezen meldingen" in page


def test_without_unread_notifications_the_navigation_shows_no_count(client, outsider):
    client.force_login(outsider)
    page = client.get(reverse("profile")).content.decode()
    assert 'id="nav-notifications">Meldingen</a>' in page


def test_mark_one_read(client, secretary, mine):
    client.force_login(secretary)
    response = client.post(reverse("notifications:mark_read"), {"notification": mine[0].pk})
    assert response.status_code == 302
    assert response["Location"] == LIST
    assert Notification.objects.filter(user=secretary, read_at__isnull=True).count() == 2
    assert "2 ongelezen meldingen" in client.get(LIST).content.decode()


def test_mark_read_and_open_goes_to_the_subject(client, secretary, mine):
    client.force_login(secretary)
    response = client.post(reverse("notifications:mark_read"), {"notification": mine[0].pk, "open": "1"})
    assert response["Location"] == "/agenda/"


def test_someone_elses_notification_is_404(client, staff, mine):
    client.force_login(staff)
    response = client.post(reverse("notifications:mark_read"), {"notification": mine[0].pk})
    assert response.status_code == 404
    assert not Notification.objects.filter(read_at__isnull=False).exists()


def test_get_on_mark_read_is_not_allowed(client, secretary):
    client.force_login(secretary)
    assert client.get(reverse("notifications:mark_read")).status_code == 405
    assert client.get(reverse("notifications:mark_all_read")).status_code == 405


def test_mark_all_read(client, secretary, staff, mine):
    other = NotificationFactory(user=staff)
    client.force_login(secretary)
    client.post(reverse("notifications:mark_all_read"))
    assert not Notification.objects.filter(user=secretary, read_at__isnull=True).exists()
    other.refresh_from_db()
    assert other.read_at is None
    assert "0 ongelezen meldingen" in client.get(LIST).content.decode()


def test_the_preference_form_defaults_to_each_email_and_saves_the_choice(client, secretary):
    client.force_login(secretary)
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert "<legend" in page
    assert "Hoe wilt u herinneringen ontvangen?" in page
    assert 'value="each"' in page
    assert "checked" in page.split('value="each"')[1].split(">")[0]
    response = client.post(reverse("notifications:preferences"), {"delivery": "digest"})
    assert response.status_code == 302
    assert NotificationPreference.objects.get(user=secretary).delivery == "digest"
    assert "Eén dagelijks overzicht per e-mail" in client.get(LIST).content.decode()


def test_the_preference_form_refuses_an_unknown_choice(client, secretary):
    client.force_login(secretary)
    response = client.post(reverse("notifications:preferences"), {"delivery": "fax"})
    assert response.status_code == 200
    assert NotificationPreference.objects.get(user=secretary).delivery == "each"


def test_the_unread_count_in_the_menu_follows_every_change_at_once(client, settings):
    """The count is kept in the shared cache (notifications/unread.py): a new notification, reading one, reading all
    and deleting one each show on the next page."""
    from accounts.models import Role
    from notifications.models import Notification
    from notifications.services import notification_mark_read, notifications_mark_all_read
    from tests.accounts.factories import UserFactory

    settings.UNREAD_COUNT_CACHE_SECONDS = 60
    user = UserFactory(username="lezer", role=Role.STAFF)
    other = UserFactory(username="ander", role=Role.STAFF)
    client.force_login(user)

    def menu() -> str:
        return client.get(reverse("planning:home")).content.decode()

    assert "ongelezen melding" not in menu()
    first = Notification.objects.create(user=user, title="Termijn DVO GLM nadert")
    Notification.objects.create(user=user, title="Termijn DVO TWN nadert")
    Notification.objects.create(user=other, title="Niet van deze gebruiker")
    assert "2 ongelezen meldingen" in menu()
    notification_mark_read(user=user, notification=first)
    assert "1 ongelezen melding" in menu()
    notifications_mark_all_read(user=user)
    assert "ongelezen melding" not in menu()
    Notification.objects.create(user=user, title="Nieuwe termijn")
    assert "1 ongelezen melding" in menu()
    Notification.objects.filter(user=user, read_at__isnull=True).delete()  # as the nightly prune does
    assert "ongelezen melding" not in menu()


def test_the_unread_count_comes_from_the_cache_on_the_next_page(settings, django_assert_num_queries):
    from accounts.models import Role
    from notifications.selectors import unread_count
    from tests.accounts.factories import UserFactory

    settings.UNREAD_COUNT_CACHE_SECONDS = 60
    user = UserFactory(username="lezer", role=Role.STAFF)
    Notification.objects.create(user=user, title="Termijn nadert")
    assert unread_count(user) == 1
    with django_assert_num_queries(0):
        assert unread_count(user) == 1
