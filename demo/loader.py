"""The demo: the real VS 2019-2022 process from the 2018 planning note, step by step in the order of the process.

Each step lives in its own module and builds its state through the public services of its app (with the 2018
moments, ``now``, where a service records one): the planning (demo/planning.py), the scan (demo/scan.py), the long
list (demo/priorities.py), the DVO round (demo/voting.py), the BBG's top five (demo/decisions.py) and the goals
with the document (demo/documents.py). Every step is idempotent: a second run changes nothing.

Demo users get known passwords, so they are only made when ``settings.DEBUG`` is on.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from accounts.models import Role, User
from planning.models import District, Person, StrategyProcess

from .consultation import load_consultation_demo
from .decisions import load_decision_demo
from .documents import load_document_demo
from .monitoring import load_monitoring_demo
from .partners import load_partners_demo
from .planning import PROGRAMME_MANAGER, complete_past_milestones, load_planning_demo
from .priorities import load_priorities_demo
from .proposal import load_proposal_demo
from .scan import load_scan_demo
from .today import load_today_demo
from .upsert import upsert
from .voting import entry_user, load_voting_demo

# --- Demo users --------------------------------------------------------------------------------------------------

DEMO_USERS = [
    # username, role, district code, last name, linked person
    ("staf", Role.STAFF, None, "Programmastaf", PROGRAMME_MANAGER),
    ("secretaris-glm", Role.DVO_SECRETARY, "GLM", "Secretaris DVO GLM", None),
    ("secretaris-glz", Role.DVO_SECRETARY, "GLZ", "Secretaris DVO GLZ", None),
    ("secretaris-twn", Role.DVO_SECRETARY, "TWN", "Secretaris DVO TWN", None),
    ("secretaris-ijss", Role.DVO_SECRETARY, "IJSS", "Secretaris DVO IJSS", None),
    ("secretaris-nog", Role.DVO_SECRETARY, "NOG", "Secretaris DVO NOG", None),
    ("bbg", Role.BBG_MEMBER, None, "BBG-lid", None),
    ("beheer", Role.ADMINISTRATOR, None, "Beheerder", None),
    # The municipal contacts of demo/partners.py: Nijkerk's toets waits for its answer, Epe's is processed.
    ("gemeente-nijkerk", Role.MUNICIPAL_CONTACT, None, "Contactpersoon Nijkerk", None),
    ("gemeente-epe", Role.MUNICIPAL_CONTACT, None, "Contactpersoon Epe", None),
]


def demo_password(username: str) -> str:
    """The known demo password of a demo user; printed by the command, never used outside DEBUG."""
    return f"{username}-demo-2018"


# --- Loading -----------------------------------------------------------------------------------------------------


class DemoUsersRefused(Exception):
    """Demo users with known passwords were asked for while DEBUG is off."""


@dataclass
class DemoUser:
    username: str
    password: str
    role_label: str
    district_code: str = ""


@dataclass
class DemoResult:
    process: StrategyProcess
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    users: list[DemoUser] = field(default_factory=list)
    users_refused: bool = False

    def count(self, label: str, created: bool) -> None:
        target = self.created if created else self.updated
        target[label] = target.get(label, 0) + 1

    @property
    def changed_anything(self) -> bool:
        return bool(self.created or self.updated)


@transaction.atomic
def load_demo(*, create_users: bool) -> DemoResult:
    """Load or refresh the VS 2019-2022 demo; with ``create_users`` also the demo users.

    Idempotent: a second run finds every row by its natural key and changes nothing. Demo users get known
    passwords, so asking for them while ``settings.DEBUG`` is off raises DemoUsersRefused.
    """
    if create_users and not settings.DEBUG:
        raise DemoUsersRefused("Demo users with known passwords are only created when DEBUG is on.")

    result = DemoResult(process=None)
    process, people = load_planning_demo(result)
    result.process = process
    if create_users:
        result.users = _load_users(result, people)
    else:
        result.users_refused = True
    # The later steps, in the order of the process: each needs the one before.
    load_scan_demo(result, process)
    if create_users:  # the contacts are demo users: their toets in the portal (demo/partners.py)
        load_partners_demo(result, process, staff=User.objects.get(username="staf"))
    load_priorities_demo(result, process)
    load_voting_demo(result, process)
    load_decision_demo(result, process)
    documents = load_document_demo(result, process)
    for _ in range(documents.goals_created):
        result.count("doelstellingen", True)
    for _ in documents.versions_created:
        result.count("documentversies", True)
    # After adoption: the monitoring of 2019-2022 (issue 14).
    if load_monitoring_demo(result, process):
        result.count("monitoring", True)
    # 2019: the councils' consultation and the organisational and financial proposal.
    load_consultation_demo(result, process)
    load_proposal_demo(result, process)
    # What the portal holds no fact for happened too: the historic planning is complete (demo/planning.py).
    complete_past_milestones(result, process, entry_user(result))
    # Beside the historic cycle, the next one as of today: the DVO round open (demo/today.py).
    load_today_demo(result, process)
    return result


def _load_users(result: DemoResult, people: dict[str, Person]) -> list[DemoUser]:
    """One demo user per role, reset to its demo password; the staff user is the programme manager's login."""
    districts = {district.code: district for district in District.objects.all()}
    users = []
    for username, role, district_code, last_name, person_name in DEMO_USERS:
        is_administrator = role == Role.ADMINISTRATOR
        existed = User.objects.filter(username=username).exists()
        user = upsert(
            result,
            "gebruikers",
            User,
            {"username": username},
            {
                "first_name": "Demo",
                "last_name": last_name,
                "email": f"{username}@example.org",
                "role": role,
                "district": districts[district_code] if district_code else None,
                "is_active": True,
                "is_staff": is_administrator,
                "is_superuser": is_administrator,
            },
        )
        password = demo_password(username)
        if not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
            if existed:
                result.count("wachtwoorden", created=False)
        if person_name:
            person = people[person_name]
            if person.user_id is None:
                person.user = user
                person.save(update_fields=["user"])
                result.count("personen", created=False)
        users.append(DemoUser(username, password, str(Role(role).label), district_code or ""))
    return users
