from .process import Phase, StrategyProcess
from .reference import Body, District, Membership, Municipality, Person
from .schedule import Absence, Action, Milestone

__all__ = [
    "Absence",
    "Action",
    "Body",
    "District",
    "Membership",
    "Milestone",
    "Municipality",
    "Person",
    "Phase",
    "StrategyProcess",
]
