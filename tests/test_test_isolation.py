"""What makes the suite safe in parallel and the same on every run (tests/conftest.py)."""

import zlib
from pathlib import Path

import factory.random
from django.conf import settings
from django.core.files.storage import storages

from scan.models import MunicipalPlan, Source
from tests.accounts.factories import UserFactory

VAR = Path(settings.BASE_DIR) / "var"


def test_files_of_the_session_go_to_its_own_folder_never_to_var():
    location = Path(storages["private"].location)
    assert VAR not in location.parents
    assert Path(settings.MEDIA_ROOT).parent == location.parent
    # The file fields took their storage when the models were defined; they write there too.
    assert Path(MunicipalPlan._meta.get_field("document").storage.location) == location
    assert Path(Source._meta.get_field("document").storage.location) == location


def test_fake_names_of_a_test_are_the_same_on_every_run(request):
    names = [UserFactory.build().get_full_name() for _ in range(3)]
    factory.random.reseed_random(zlib.crc32(request.node.nodeid.encode()))
    assert [UserFactory.build().get_full_name() for _ in range(3)] == names
