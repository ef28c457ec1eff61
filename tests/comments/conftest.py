import pytest

from accounts.models import Role
from documents.models import Goal
from partners.models import MunicipalContact
from planning.models import Municipality
from priorities.models import LongList
from tests.accounts.factories import UserFactory
from tests.documents.factories import GoalFactory
from tests.priorities.factories import PriorityFactory
from tests.scan.factories import MunicipalPlanFactory


@pytest.fixture
def priority(process):
    """A priority on a long list that is still a draft."""
    LongList.objects.create(process=process)
    return PriorityFactory(process=process, title="Ondermijning", position=1)


@pytest.fixture
def goal(process, priority):
    return GoalFactory(process=process, priority=priority, title="Minder woninginbraken", status=Goal.Status.CONCEPT)


@pytest.fixture
def contact(process):
    """The contact of Arnhem, whose plan is in the process's scan."""
    arnhem = Municipality.objects.get(name="Arnhem")
    MunicipalPlanFactory(process=process, municipality=arnhem)
    user = UserFactory(username="contact-arnhem", role=Role.MUNICIPAL_CONTACT, email="ivp@arnhem.example")
    MunicipalContact.objects.create(user=user).municipalities.set([arnhem])
    return user


@pytest.fixture
def stranger_contact(db):
    """The contact of Ede, whose plan is not in the process's scan."""
    user = UserFactory(username="contact-ede", role=Role.MUNICIPAL_CONTACT, email="ivp@ede.example")
    MunicipalContact.objects.create(user=user).municipalities.set([Municipality.objects.get(name="Ede")])
    return user
