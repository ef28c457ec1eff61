"""`manage.py load_demo` under production settings (DEBUG off): the data, but never users with known passwords."""

from io import StringIO

import pytest
from django.core.management import call_command

from accounts.models import User
from demo.loader import DemoUsersRefused, load_demo
from planning.models import StrategyProcess


def run(**kwargs) -> str:
    out = StringIO()
    call_command("load_demo", stdout=out, **kwargs)
    return out.getvalue()


def test_under_production_settings_it_loads_the_data_but_no_users(db, settings):
    settings.DEBUG = False
    output = run()
    # Only the demo's system user that enters the DVO choices through the services (demo/voting.py): it acts as
    # staff, but has no usable password and no email address.
    assert [(user.username, user.role, user.has_usable_password(), user.email) for user in User.objects.all()] == [
        ("demo-invoer", "staff", False, "")
    ]
    milestones = StrategyProcess.objects.get(slug="vs-2019-2022").milestones
    assert milestones.exclude(title__startswith="Voortgangsrapportage").count() == 27
    assert "DEBUG staat uit" in output
    assert "Inloggen op" not in output


def test_the_service_itself_refuses_demo_users_without_debug(db, settings):
    settings.DEBUG = False
    with pytest.raises(DemoUsersRefused):
        load_demo(create_users=True)
    assert not StrategyProcess.objects.filter(slug="vs-2019-2022").exists()
