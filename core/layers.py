"""The apps of VS-portaal in layers, in the order of the process. An app imports only apps of its own or a lower
layer (tests/test_layers.py checks every import, migrations excepted); a higher app contributes to a lower one
through a hook the lower one owns (core.hooks). ``vs_portal`` is the project's configuration and may import all.
"""

LAYERS: tuple[str, ...] = (
    "core",  # helpers several apps share; imports no app
    "sitesettings",  # the installation's own name, logo, sender and contact (one row, django-solo)
    "accounts",  # users, roles, the rule registry, sign-in (local password, second factor, single sign-on)
    "audit",  # the audit log of logins, role changes, downloads, exports and imports
    "planning",  # reference data, processes and phases, milestones, actions, absences, conflicts, dashboard
    "scan",  # themes, municipal plans and the ambtelijke toets, sources, the scan matrix
    "priorities",  # the long list, criteria, consent and freeze
    "voting",  # the DVO round, ballots, the tally and the ranked result
    "decisions",  # the BBG's top five
    "documents",  # goals and the VS/MJB document with its renderings
    "notifications",  # reminders and in-app notifications
    "monitoring",  # measurements of the adopted goals, progress, the dashboard and the annual report
    "reviews",  # the midterm and endterm reviews, and what they give the next cycle's scan and long list
    "consultation",  # the councils' consultation on the draft MJB, its chapter in the document
    "proposal",  # the organisational and financial proposal: budget, funding, the cost-sharing key
    "partners",  # municipal contacts and their ambtelijke toets in the portal (issue 16)
    "comments",  # comments on the long list's priorities and on draft goals: threads, mentions, history (issue 16)
    "search",  # the global search over every kind, with each kind's own visibility (partners, issue 16)
    "archive",  # export and import of one whole process
    "demo",  # the demo loader
)


def layer_of(app: str) -> int:
    return LAYERS.index(app)
