import logging

from .models import SiteSettings

logger = logging.getLogger(__name__)


def site_settings() -> SiteSettings:
    """The one row, made with the defaults the first time; from the shared cache when SOLO_CACHE is set
    (vs_portal/settings.py). A cache that does not answer costs the query, never the page."""
    try:
        return SiteSettings.get_solo()
    except Exception:
        logger.warning("site settings: cache unavailable, read from the database", exc_info=True)
        return SiteSettings.objects.get_or_create(pk=SiteSettings.singleton_instance_id)[0]
