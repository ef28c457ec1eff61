from django.utils.functional import SimpleLazyObject

from . import selectors


def unread_notifications(request):
    """The number of unread notifications for the navigation; counted only when a template shows it."""
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated):
        return {"unread_notification_count": 0}
    return {"unread_notification_count": SimpleLazyObject(lambda: selectors.unread_count(user))}
