import datetime

import pytest

from accounts.models import Role
from partners.models import MunicipalContact
from partners.services import check_request_send
from planning.models import Municipality
from scan.models import PlanTheme, Theme
from tests.accounts.factories import UserFactory
from tests.scan.factories import MunicipalPlanFactory

TODAY = datetime.date(2018, 2, 1)


@pytest.fixture
def arnhem(db):
    return Municipality.objects.get(name="Arnhem")


@pytest.fixture
def contact(arnhem):
    user = UserFactory(username="contact-arnhem", role=Role.MUNICIPAL_CONTACT, email="ivp@arnhem.example")
    MunicipalContact.objects.create(user=user).municipalities.set([arnhem])
    return user


@pytest.fixture
def other_contact(db):
    user = UserFactory(username="contact-ede", role=Role.MUNICIPAL_CONTACT)
    MunicipalContact.objects.create(user=user).municipalities.set([Municipality.objects.get(name="Ede")])
    return user


@pytest.fixture
def themes(db):
    names = list(Theme.objects.order_by("name").values_list("name", flat=True)[:3])
    return {name: Theme.objects.get(name=name) for name in names}


@pytest.fixture
def plan(process, arnhem, themes):
    plan = MunicipalPlanFactory(process=process, municipality=arnhem)
    first, second, _third = themes.values()
    PlanTheme.objects.create(plan=plan, theme=first, wording="Zoals in de scan gelezen")
    PlanTheme.objects.create(plan=plan, theme=second, wording="Tweede thema")
    return plan


@pytest.fixture
def check(plan, contact, staff):
    return check_request_send(plan=plan, deadline=datetime.date(2018, 3, 1), user=staff, today=TODAY)
