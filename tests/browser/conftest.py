"""Shared set-up of the browser tests.

Browser tests run in transactions that are really committed (the live server reads from another thread), and
Django empties every table after such a test. The districts, municipalities and bodies of the reference-data
migration would then be gone for the next browser test, so they are loaded again before each one.
"""

import pytest

from planning.models import Body, District, Municipality
from planning.reference_data import load_reference_data


@pytest.fixture(autouse=True)
def _reference_data(transactional_db):
    """The unit's districts, municipalities and bodies, as the data migration leaves them (idempotent)."""
    load_reference_data(District, Municipality, Body)
