from django.utils.functional import SimpleLazyObject

from .selectors import site_settings


def site(request):
    """``site`` in every template: the network's name, logo and contact (read only where a template uses it)."""
    return {"site": SimpleLazyObject(site_settings)}
