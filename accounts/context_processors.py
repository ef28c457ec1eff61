def roles(request):
    """The current user's role flags for the navigation."""
    user = getattr(request, "user", None)
    authenticated = bool(user and user.is_authenticated)
    return {
        "user_is_staff": authenticated and user.is_programme_staff,
        "user_is_secretary": authenticated and user.is_dvo_secretary,
        "user_is_bbg": authenticated and user.is_bbg_member,
        "user_has_role": authenticated and user.has_role,
    }
