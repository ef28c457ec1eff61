"""The number of a user's unread notifications, shown in the account menu of every page: from the shared cache,
counted again after any change to the user's notifications.

Every save and delete of a notification (a new one from a reminder, the admin, the nightly prune, a deleted user)
drops the user's count through the model's signals; the two services that mark notifications read with a bulk
``update()`` drop it themselves. Each drop happens at once and again once the transaction commits, so a page
rendered between the write and the commit cannot keep the old number; a count is kept at most
``UNREAD_COUNT_CACHE_SECONDS`` (settings; 0: always counted, as in the tests of query counts) whatever happens. A
cache that does not answer costs the query, never the page.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

logger = logging.getLogger(__name__)


def _key(user_id) -> str:
    return f"notifications:unread:{user_id}"


def unread_count(user) -> int:
    from .models import Notification

    timeout = settings.UNREAD_COUNT_CACHE_SECONDS
    if timeout <= 0:
        return Notification.objects.filter(user=user, read_at__isnull=True).count()
    try:
        value = cache.get(_key(user.pk))
    except Exception:
        logger.warning("notifications: cache unavailable, counting", exc_info=True)
        return Notification.objects.filter(user=user, read_at__isnull=True).count()
    if value is None:
        value = Notification.objects.filter(user=user, read_at__isnull=True).count()
        try:
            cache.set(_key(user.pk), value, timeout=timeout)
        except Exception:
            logger.warning("notifications: could not keep the count", exc_info=True)
    return value


def _drop(user_id) -> None:
    try:
        cache.delete(_key(user_id))
    except Exception:  # the cache is down: its count went with it, or is at most UNREAD_COUNT_CACHE_SECONDS old
        logger.warning("notifications: could not drop the count of user %s", user_id, exc_info=True)


def unread_changed(user_id) -> None:
    """The user's notifications changed: count again on the next page (now, and after the commit)."""
    _drop(user_id)
    transaction.on_commit(lambda: _drop(user_id))


def _notification_changed(sender, instance, **_kwargs) -> None:
    unread_changed(instance.user_id)


def connect() -> None:
    """Called once from NotificationsConfig.ready()."""
    from .models import Notification

    post_save.connect(_notification_changed, sender=Notification, dispatch_uid="notifications-unread-save")
    post_delete.connect(_notification_changed, sender=Notification, dispatch_uid="notifications-unread-delete")
