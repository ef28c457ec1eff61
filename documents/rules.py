"""Who may do what with the goals and the document. Programme staff write; everyone with a role (BBG members,
DVO secretaries, staff) reads the goals and the document and downloads its versions. Users without a role get
403, anonymous users the login page."""

from accounts.rules import has_role, is_programme_staff

RULES = {
    "documents.view_goal": has_role,
    "documents.change_goal": is_programme_staff,
    "documents.view_document": has_role,
    "documents.change_document": is_programme_staff,
    "documents.download_document": has_role,
}
