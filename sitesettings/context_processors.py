from django.utils.functional import SimpleLazyObject

from .selectors import site_settings


def site(request):
    """``site_settings`` in every template (not ``site``: Django's auth views use that name): the network's name,
    logo and contact, read only where a template uses it."""
    return {"site_settings": SimpleLazyObject(site_settings)}
