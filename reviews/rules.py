"""Who may do what with the reviews. Everyone with a role reads them (BBG members, DVO secretaries, staff) and
downloads the PDF; programme staff write them and move them through the workflow."""

from accounts.rules import has_role, is_programme_staff

RULES = {
    "reviews.view_review": has_role,
    "reviews.change_review": is_programme_staff,
}
