"""Who may do what with notifications: every logged-in user, with their own notifications only (the access
helper selectors.get_notification_for_user answers 404 for anyone else's)."""


def is_logged_in(user, obj=None) -> bool:
    return bool(user.is_authenticated and user.is_active)


RULES = {
    "notifications.view_notification": is_logged_in,
    "notifications.change_notificationpreference": is_logged_in,
}
