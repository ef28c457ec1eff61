"""The process's menu is rendered once per combination of what it depends on (core.templatetags.navigation
.process_nav) and kept by the worker: each role, district, page and language still gets its own menu, whoever
asked first."""

import re

import pytest
from django.urls import reverse

from core.templatetags import navigation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_menus():
    navigation._PROCESS_NAV.clear()
    yield
    navigation._PROCESS_NAV.clear()


def menu(client, user, url_name, process, language=None) -> str:
    client.force_login(user)
    if language:
        client.post(reverse("set_language"), {"language": language, "next": "/"})
    page = client.get(reverse(url_name, kwargs={"slug": process.slug})).content.decode()
    [nav] = re.findall(r'<ul class="navbar-nav process-nav">.*?</ul>\s*</div>', page, flags=re.S)
    return nav


def current(nav: str) -> list[str]:
    return re.findall(r'aria-current="page">([^<]+)<', nav)


def test_each_role_gets_its_own_menu_whoever_asked_first(client, process, staff, secretary, bbg_member):
    staff_menu = menu(client, staff, "planning:dashboard", process)
    secretary_menu = menu(client, secretary, "planning:dashboard", process)
    bbg_menu = menu(client, bbg_member, "planning:dashboard", process)
    assert "Afwezigheden" in staff_menu
    assert "Ambtelijke toetsen" in staff_menu
    for other in (secretary_menu, bbg_menu):
        assert "Afwezigheden" not in other
        assert "Ambtelijke toetsen" not in other
    assert "Keuze DVO GLM" in secretary_menu
    assert "Keuze DVO" not in bbg_menu
    assert "Meer" in bbg_menu
    assert len(navigation._PROCESS_NAV) == 3
    assert menu(client, staff, "planning:dashboard", process) == staff_menu  # served from the worker's copy
    assert len(navigation._PROCESS_NAV) == 3


def test_the_current_page_and_the_language_are_the_menus_own(client, process, staff):
    assert current(menu(client, staff, "planning:timeline", process)) == ["Tijdlijn"]
    assert current(menu(client, staff, "planning:dashboard", process)) == ["Overzicht"]
    english = menu(client, staff, "planning:dashboard", process, language="en")
    assert current(english) == ["Overview"]
    assert "Long list" in english
    assert "Lange lijst" not in english
    assert "Lange lijst" in menu(client, staff, "planning:dashboard", process, language="nl")


def test_a_secretary_of_another_district_or_a_renamed_one_gets_its_own_code(
    client, process, secretary, other_secretary, districts
):
    assert "Keuze DVO GLM" in menu(client, secretary, "planning:dashboard", process)
    other = menu(client, other_secretary, "planning:dashboard", process)
    assert "Keuze DVO TWN" in other
    assert "GLM" not in other
    district = districts["GLM"]
    district.code = "GLD"
    district.save()
    secretary.refresh_from_db()
    renamed = menu(client, secretary, "planning:dashboard", process)
    assert "Keuze DVO GLD" in renamed
    assert "Keuze DVO GLM" not in renamed
