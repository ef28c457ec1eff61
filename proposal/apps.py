from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalConfig(AppConfig):
    name = "proposal"
    verbose_name = _("Organisatorisch en financieel voorstel")
