"""The admin shows the proposal for inspection only: it is written through the pages and the API (the services),
so that the periods, the amounts, the key and the workflow always hold."""

from django.contrib import admin

from core.admin import ReadOnlyAdmin

from .models import CostItem, Funding, GoalPlan, KeyMunicipality, Proposal, ProposalDecision, ProposalVersion

for model in (Proposal, GoalPlan, CostItem, Funding, KeyMunicipality, ProposalDecision, ProposalVersion):
    admin.site.register(model, ReadOnlyAdmin)
