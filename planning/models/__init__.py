from .process import Phase, StrategyProcess
from .reference import Body, District, Membership, Municipality, Person
from .scan import MunicipalPlan, PlanTheme, Theme
from .schedule import Absence, Action, Milestone, Source

__all__ = [
    "Absence",
    "Action",
    "Body",
    "District",
    "Membership",
    "Milestone",
    "MunicipalPlan",
    "Municipality",
    "Person",
    "Phase",
    "PlanTheme",
    "Source",
    "StrategyProcess",
    "Theme",
]
