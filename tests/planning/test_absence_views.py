import datetime

import pytest
from django.urls import reverse

from planning.models import Absence, Body
from tests.planning.factories import AbsenceFactory, MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def mayor(db):
    person = PersonFactory(name="Van Veldhuizen", function="burgemeester")
    MembershipFactory(person=person, body=Body.objects.get(short_name="BBG"))
    return person


@pytest.fixture
def absence(mayor):
    return AbsenceFactory(person=mayor, starts_on=datetime.date(2018, 6, 7), reason="vakantie")


def urls(absence):
    return {
        "list": reverse("planning:absence_list"),
        "create": reverse("planning:absence_create"),
        "update": reverse("planning:absence_update", kwargs={"pk": absence.pk}),
        "delete": reverse("planning:absence_delete", kwargs={"pk": absence.pk}),
    }


@pytest.mark.parametrize("name", ["list", "create", "update", "delete"])
def test_anonymous_goes_to_login(client, absence, name):
    response = client.get(urls(absence)[name])
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("role", ["outsider", "secretary", "bbg_member"])
def test_only_staff_reach_absences(client, users, absence, role):
    client.force_login(users[role])
    for name in ("list", "create", "update", "delete"):
        assert client.get(urls(absence)[name]).status_code == 403, name
    assert client.post(urls(absence)["delete"]).status_code == 403
    assert (
        client.post(urls(absence)["create"], {"person": absence.person_id, "starts_on": "2018-06-08"}).status_code
        == 403
    )
    assert Absence.objects.count() == 1


@pytest.mark.parametrize("role", ["staff", "administrator"])
def test_staff_see_the_list(client, users, absence, role):
    client.force_login(users[role])
    content = client.get(urls(absence)["list"]).content.decode()
    assert "Van Veldhuizen" in content
    assert "7 juni 2018" in content
    assert "vakantie" in content
    assert "BBG" in content


def test_staff_record_a_single_day(client, staff, mayor):
    client.force_login(staff)
    response = client.post(
        reverse("planning:absence_create"), {"person": mayor.pk, "starts_on": "2018-09-12", "reason": "werkbezoek"}
    )
    assert response["Location"] == reverse("planning:absence_list")
    absence = Absence.objects.get()
    assert (absence.starts_on, absence.ends_on, absence.reason) == (
        datetime.date(2018, 9, 12), datetime.date(2018, 9, 12), "werkbezoek",
    )  # fmt: skip


def test_staff_record_several_days(client, staff, mayor):
    client.force_login(staff)
    client.post(
        reverse("planning:absence_create"), {"person": mayor.pk, "starts_on": "2018-07-16", "ends_on": "2018-08-03"}
    )
    absence = Absence.objects.get()
    assert absence.ends_on == datetime.date(2018, 8, 3)
    content = client.get(reverse("planning:absence_list")).content.decode()
    assert "16 juli 2018 tot en met 3 augustus 2018" in content


def test_it_refuses_an_end_before_the_start(client, staff, mayor):
    client.force_login(staff)
    response = client.post(
        reverse("planning:absence_create"), {"person": mayor.pk, "starts_on": "2018-07-16", "ends_on": "2018-07-01"}
    )
    assert response.status_code == 200
    assert "De laatste dag ligt vóór de eerste dag van de afwezigheid." in response.content.decode()
    assert not Absence.objects.exists()


def test_it_asks_who_and_when(client, staff):
    client.force_login(staff)
    content = client.post(reverse("planning:absence_create"), {"reason": "?"}).content.decode()
    assert "Kies wie er afwezig is." in content
    assert "Vul de eerste dag van de afwezigheid in." in content
    assert not Absence.objects.exists()


def test_staff_edit_and_delete(client, staff, absence):
    client.force_login(staff)
    content = client.get(urls(absence)["update"]).content.decode()
    assert 'value="2018-06-07"' in content
    client.post(
        urls(absence)["update"],
        {"person": absence.person_id, "starts_on": "2018-06-07", "ends_on": "2018-06-08", "reason": "ziek"},
    )
    absence.refresh_from_db()
    assert (absence.ends_on, absence.reason) == (datetime.date(2018, 6, 8), "ziek")
    assert "Weet u zeker" in client.get(urls(absence)["delete"]).content.decode()
    response = client.post(urls(absence)["delete"])
    assert response["Location"] == reverse("planning:absence_list")
    assert not Absence.objects.exists()


def test_unknown_absence_is_404(client, staff):
    client.force_login(staff)
    assert client.get(reverse("planning:absence_update", kwargs={"pk": 999})).status_code == 404
