import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from core.rows import forget_rows
from planning.models import Municipality
from priorities import services
from priorities.models import CriterionAssessment, LongList, Priority
from scan.models import Source
from tests.priorities.factories import (
    MunicipalityFactory,
    MunicipalPlanFactory,
    PlanThemeFactory,
    SourceFactory,
    ThemeFactory,
)

FROZEN_MESSAGE = (
    "De lange lijst is op 29 maart 2018 door de BBG vastgesteld en naar de partners gestuurd; "
    "heropen de lijst om hem te wijzigen."
)


def _fill(process, count):
    return [services.priority_create(process=process, title=f"Prioriteit {n}") for n in range(1, count + 1)]


def _freeze(process):
    services.longlist_approve(process=process, approved_on=datetime.date(2018, 3, 29))
    services.longlist_send(process=process, sent_on=datetime.date(2018, 3, 30))


def _priority_post(title, **extra):
    data = {
        "title": title,
        "description": "Een beschrijving",
        "urgency": "urgent",
        "roles-TOTAL_FORMS": "1",
        "roles-INITIAL_FORMS": "0",
        "roles-MIN_NUM_FORMS": "0",
        "roles-MAX_NUM_FORMS": "12",
        "roles-0-partner": "police",
        "roles-0-partner_other": "",
        "roles-0-role": "lead",
    }
    data.update(extra)
    return data


# --- Permissions ----------------------------------------------------------------------------------------------


@pytest.mark.django_db
class TestPermissions:
    def _urls(self, process, priority):
        slug = process.slug
        read = [
            reverse("priorities:longlist", kwargs={"slug": slug}),
            reverse("priorities:longlist_scan", kwargs={"slug": slug}),
            reverse("priorities:longlist_history", kwargs={"slug": slug}),
            reverse("priorities:priority_detail", kwargs={"slug": slug, "pk": priority.pk}),
            reverse("priorities:priority_history", kwargs={"slug": slug, "pk": priority.pk}),
        ]
        write = [
            reverse("priorities:priority_create", kwargs={"slug": slug}),
            reverse("priorities:priority_update", kwargs={"slug": slug, "pk": priority.pk}),
            reverse("priorities:priority_criteria", kwargs={"slug": slug, "pk": priority.pk}),
            reverse("priorities:priority_delete", kwargs={"slug": slug, "pk": priority.pk}),
            reverse("priorities:longlist_approve", kwargs={"slug": slug}),
            reverse("priorities:longlist_send", kwargs={"slug": slug}),
            reverse("priorities:longlist_reopen", kwargs={"slug": slug}),
        ]
        return read, write

    def test_anonymous_goes_to_login(self, client, process):
        (priority,) = _fill(process, 1)
        read, write = self._urls(process, priority)
        for url in read + write:
            response = client.get(url)
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("login")), url

    def test_outsider_gets_403(self, client, process, outsider):
        (priority,) = _fill(process, 1)
        client.force_login(outsider)
        read, write = self._urls(process, priority)
        for url in read + write:
            assert client.get(url).status_code == 403, url

    @pytest.mark.parametrize("role", ["secretary", "bbg_member"])
    def test_read_only_roles_read_but_cannot_write(self, client, process, users, role):
        (priority,) = _fill(process, 1)
        client.force_login(users[role])
        read, write = self._urls(process, priority)
        for url in read:
            response = client.get(url)
            assert response.status_code == 200, url
        for url in write:
            assert client.get(url).status_code == 403, url
            assert client.post(url, _priority_post("Poging")).status_code == 403, url
        assert Priority.objects.filter(process=process).count() == 1
        page = client.get(reverse("priorities:longlist", kwargs={"slug": process.slug})).content.decode()
        assert "Nieuwe prioriteit" not in page
        assert "Prioriteit 1" in page

    def test_a_priority_of_another_process_is_404(self, client, process, staff):
        other = services.priority_create(process=MunicipalPlanFactory().process, title="Elders")
        client.force_login(staff)
        url = reverse("priorities:priority_detail", kwargs={"slug": process.slug, "pk": other.pk})
        assert client.get(url).status_code == 404


# --- The limit of ten -----------------------------------------------------------------------------------------


@pytest.mark.django_db
class TestLimitOfTen:
    def test_staff_creates_a_priority_with_a_role(self, client, process, staff):
        client.force_login(staff)
        theme = ThemeFactory(name="Cybercrime")
        response = client.post(
            reverse("priorities:priority_create", kwargs={"slug": process.slug}),
            _priority_post("Cybercrime", themes=[theme.pk]),
        )
        priority = Priority.objects.get(process=process)
        assert response.status_code == 302
        assert response["Location"] == priority.get_absolute_url()
        assert priority.title == "Cybercrime"
        assert list(priority.themes.all()) == [theme]
        assert priority.roles.get().partner == "police"

    def test_the_eleventh_is_refused_with_the_message_and_nothing_is_stored(self, client, process, staff):
        _fill(process, 10)
        client.force_login(staff)
        url = reverse("priorities:priority_create", kwargs={"slug": process.slug})
        response = client.post(url, _priority_post("Elfde"))
        assert response.status_code == 200
        assert "De lange lijst heeft al 10 prioriteiten, het maximum." in response.content.decode()
        assert Priority.objects.filter(process=process).count() == 10
        assert not Priority.objects.filter(title="Elfde").exists()

    def test_the_button_is_hidden_when_the_list_is_full(self, client, process, staff):
        _fill(process, 10)
        client.force_login(staff)
        page = client.get(reverse("priorities:longlist", kwargs={"slug": process.slug})).content.decode()
        assert "Nieuwe prioriteit" not in page
        assert "De lijst is vol (10 prioriteiten)" in page
        response = client.get(reverse("priorities:priority_create", kwargs={"slug": process.slug}), follow=True)
        assert "De lange lijst heeft al 10 prioriteiten, het maximum." in response.content.decode()

    def test_the_button_shows_below_ten(self, client, process, staff):
        _fill(process, 9)
        client.force_login(staff)
        page = client.get(reverse("priorities:longlist", kwargs={"slug": process.slug})).content.decode()
        assert "Nieuwe prioriteit" in page
        assert "9 prioriteiten van maximaal 10." in page


# --- The freeze -----------------------------------------------------------------------------------------------


@pytest.mark.django_db
class TestFreeze:
    def test_consent_steps_through_the_pages(self, client, process, staff):
        _fill(process, 2)
        client.force_login(staff)
        slug = process.slug
        response = client.post(
            reverse("priorities:longlist_approve", kwargs={"slug": slug}), {"approved_on": "29 maart 2018"}
        )
        assert response.status_code == 302
        assert LongList.objects.get(process=process).status == LongList.Status.APPROVED
        response = client.post(
            reverse("priorities:longlist_send", kwargs={"slug": slug}), {"sent_on": "30-3-2018"}, follow=True
        )
        long_list = LongList.objects.get(process=process)
        assert (long_list.status, long_list.sent_on) == (LongList.Status.SENT, datetime.date(2018, 3, 30))
        assert FROZEN_MESSAGE in response.content.decode()

    def test_edits_are_refused_after_sending(self, client, process, staff):
        (priority,) = _fill(process, 1)
        _freeze(process)
        client.force_login(staff)
        slug = process.slug
        page = client.get(reverse("priorities:longlist", kwargs={"slug": slug})).content.decode()
        assert FROZEN_MESSAGE in page
        assert "Nieuwe prioriteit" not in page
        response = client.post(
            reverse("priorities:priority_update", kwargs={"slug": slug, "pk": priority.pk}),
            _priority_post("Gewijzigd", position="1"),
        )
        assert response.status_code == 200
        assert FROZEN_MESSAGE in response.content.decode()
        priority.refresh_from_db()
        assert priority.title == "Prioriteit 1"
        assert not priority.roles.exists()

        response = client.post(
            reverse("priorities:priority_criteria", kwargs={"slug": slug, "pk": priority.pk}),
            {"more_than_regular_outcome": "met", "more_than_regular_justification": "Ja"},
        )
        assert FROZEN_MESSAGE in response.content.decode()
        assert not CriterionAssessment.objects.exists()

        response = client.post(
            reverse("priorities:priority_delete", kwargs={"slug": slug, "pk": priority.pk}), follow=True
        )
        assert FROZEN_MESSAGE in response.content.decode()
        assert Priority.objects.filter(pk=priority.pk).exists()

        response = client.post(reverse("priorities:priority_create", kwargs={"slug": slug}), _priority_post("Nieuw"))
        assert FROZEN_MESSAGE in response.content.decode()
        assert Priority.objects.filter(process=process).count() == 1

    def test_edit_pages_of_a_frozen_list_send_staff_back_with_the_reason(self, client, process, staff):
        (priority,) = _fill(process, 1)
        _freeze(process)
        client.force_login(staff)
        for name in ("priority_update", "priority_criteria", "priority_delete"):
            url = reverse(f"priorities:{name}", kwargs={"slug": process.slug, "pk": priority.pk})
            response = client.get(url, follow=True)
            assert response.redirect_chain[-1][0] == priority.get_absolute_url(), name
            page = response.content.decode()
            assert FROZEN_MESSAGE in page
            assert "Wijzigen</a>" not in page

    def test_reopen_with_a_reason_allows_edits_again(self, client, process, staff):
        (priority,) = _fill(process, 1)
        _freeze(process)
        client.force_login(staff)
        slug = process.slug
        url = reverse("priorities:longlist_reopen", kwargs={"slug": slug})
        response = client.post(url, {"reason": ""})
        assert response.status_code == 200
        assert LongList.objects.get(process=process).status == LongList.Status.SENT

        response = client.post(url, {"reason": "Prioriteit 1 wordt gesplitst"})
        assert response.status_code == 302
        assert LongList.objects.get(process=process).status == LongList.Status.DRAFT
        response = client.post(
            reverse("priorities:priority_update", kwargs={"slug": slug, "pk": priority.pk}),
            _priority_post("Gewijzigd", position="1"),
        )
        assert response.status_code == 302
        priority.refresh_from_db()
        assert priority.title == "Gewijzigd"
        history = client.get(reverse("priorities:longlist_history", kwargs={"slug": slug})).content.decode()
        assert "Prioriteit 1 wordt gesplitst" in history


# --- Evidence and confidentiality -----------------------------------------------------------------------------


@pytest.mark.django_db
class TestPriorityPage:
    def _priority(self, process):
        theme = ThemeFactory(name="Ondermijning")
        for municipality in Municipality.objects.order_by("pk")[:60]:
            PlanThemeFactory(plan=MunicipalPlanFactory(process=process, municipality=municipality), theme=theme)
        public = SourceFactory(process=process, title="Nationaal Dreigingsbeeld 2017")
        secret = SourceFactory(
            process=process, title="Ondermijningsbeeld Twente", confidentiality=Source.Confidentiality.CONFIDENTIAL
        )
        return services.priority_create(process=process, title="Ondermijning", themes=[theme], sources=[public, secret])

    def test_staff_sees_confidential_sources(self, client, process, staff):
        priority = self._priority(process)
        client.force_login(staff)
        page = client.get(priority.get_absolute_url()).content.decode()
        assert "Nationaal Dreigingsbeeld 2017" in page
        assert "Ondermijningsbeeld Twente" in page

    @pytest.mark.parametrize("role", ["secretary", "bbg_member"])
    def test_others_do_not_see_confidential_sources(self, client, process, users, role):
        priority = self._priority(process)
        client.force_login(users[role])
        for url in (
            priority.get_absolute_url(),
            reverse("priorities:priority_history", kwargs={"slug": process.slug, "pk": priority.pk}),
        ):
            page = client.get(url).content.decode()
            assert "Nationaal Dreigingsbeeld 2017" in page, url
            assert "Ondermijningsbeeld Twente" not in page, url

    def test_it_shows_the_scan_share_and_proposal(self, client, process, staff):
        priority = self._priority(process)
        client.force_login(staff)
        page = client.get(priority.get_absolute_url()).content.decode()
        # 60 of the 78 municipalities: 76.9%, above the default threshold of 66.67%.
        assert "60 van de 78 gemeenten (76,9%)" in page
        assert "Voorgesteld:" in page
        assert "voldaan" in page
        scan = client.get(reverse("priorities:longlist_scan", kwargs={"slug": process.slug})).content.decode()
        assert "Ondermijning" in scan
        assert "76,9%" in scan

    def test_staff_confirms_the_proposal_on_the_criteria_form(self, client, process, staff):
        priority = self._priority(process)
        client.force_login(staff)
        response = client.post(
            reverse("priorities:priority_criteria", kwargs={"slug": process.slug, "pk": priority.pk}),
            {"majority_outcome": "met", "majority_justification": ""},
        )
        assert response.status_code == 302
        assessment = CriterionAssessment.objects.get(priority=priority)
        assert assessment.outcome == "met"
        assert "60 van de 78 gemeenten" in assessment.justification
        page = client.get(reverse("priorities:longlist", kwargs={"slug": process.slug})).content.decode()
        assert "✓" in page

    def test_history_shows_who_and_what(self, client, process, staff):
        priority = self._priority(process)
        client.force_login(staff)
        client.post(
            reverse("priorities:priority_update", kwargs={"slug": process.slug, "pk": priority.pk}),
            _priority_post("Ondermijning en georganiseerde criminaliteit", position="1"),
        )
        page = client.get(
            reverse("priorities:priority_history", kwargs={"slug": process.slug, "pk": priority.pk})
        ).content.decode()
        assert "Ondermijning en georganiseerde criminaliteit" in page
        assert escape(str(staff)) in page
        assert "Politie" in page or "politie" in page


# --- Query counts ---------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_list_page_queries_do_not_grow_with_municipalities(client, process, staff):
    themes = [ThemeFactory(name=f"Thema {n}") for n in range(3)]
    for number in range(1, 6):
        priority = services.priority_create(process=process, title=f"Prioriteit {number}", themes=themes[:2])
        services.criteria_assess(
            priority=priority,
            assessments=[{"criterion": "more_than_regular", "outcome": "met", "justification": "Ja"}],
        )
    client.force_login(staff)
    url = reverse("priorities:longlist", kwargs={"slug": process.slug})
    scan_url = reverse("priorities:longlist_scan", kwargs={"slug": process.slug})

    def add_municipalities(count):
        for _ in range(count):
            plan = MunicipalPlanFactory(process=process, municipality=MunicipalityFactory())
            for theme in themes:
                PlanThemeFactory(plan=plan, theme=theme)

    def queries(page_url):
        forget_rows()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(page_url)
        assert response.status_code == 200
        return len(captured)

    add_municipalities(3)
    small = queries(url), queries(scan_url)
    add_municipalities(27)
    large = queries(url), queries(scan_url)
    assert small == large
    assert "30/108" in client.get(url).content.decode()
