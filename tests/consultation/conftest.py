"""Fixtures of the consultation tests: a document with version 0.1 sent to the councils."""

import datetime

import pytest

from consultation.services import round_create
from documents.services import version_create
from planning.models import Municipality
from tests.documents.factories import make_document

SENT = datetime.date(2019, 3, 1)
DEADLINE = datetime.date(2019, 4, 15)


@pytest.fixture
def version(process, staff):
    return version_create(document=make_document(process), user=staff, today=datetime.date(2019, 2, 20))


@pytest.fixture
def consultation(version, staff):
    return round_create(version=version, sent_on=SENT, deadline=DEADLINE, user=staff)


@pytest.fixture
def arnhem_entry(consultation):
    """A GLM municipality's entry."""
    return consultation.entries.get(municipality=Municipality.objects.get(name="Arnhem"))


@pytest.fixture
def enschede_entry(consultation):
    """A TWN municipality's entry."""
    return consultation.entries.get(municipality=Municipality.objects.get(name="Enschede"))
