from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The global search over every process: priorities, milestones, actions, sources, plans, goals and
    documents, with the pages' own visibility per role."""

    name = "search"
    verbose_name = _("Zoeken")
