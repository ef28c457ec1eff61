from .models import SiteSettings


def site_settings() -> SiteSettings:
    """The one row, made with the defaults the first time; django-solo caches it when SOLO_CACHE is set."""
    return SiteSettings.get_solo()
