"""Who may do what with the organisational and financial proposal: programme staff write it and record the
decisions; everyone with a role reads it and downloads its spreadsheets."""

from accounts.rules import has_role, is_programme_staff

RULES = {
    "proposal.view_proposal": has_role,
    "proposal.change_proposal": is_programme_staff,
}
