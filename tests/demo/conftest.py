import pytest

from tests.documents.factories import make_top_five


@pytest.fixture
def priorities(process):
    """The ten priorities of the process; the first five are the BBG's confirmed top five."""
    return make_top_five(process)
