import pytest

from tests.documents.factories import GoalFactory, make_document, make_top_five


@pytest.fixture
def priorities(process):
    """The ten priorities of the process; the first five are the BBG's confirmed top five."""
    return make_top_five(process)


@pytest.fixture
def goal(process, priorities):
    return GoalFactory(process=process, priority=priorities[0], title="Woninginbraken terugdringen")


@pytest.fixture
def document(process):
    return make_document(process)
