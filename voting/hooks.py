"""Where higher apps contribute to the DVO choice (core.hooks): they register in their AppConfig.ready()."""

from core.hooks import Hook

RESULT_PANELS = Hook(
    "voting.result_panels",
    "Panels under the result of a round (the BBG's decision): functions (process, round, user) -> "
    "core.panels.Panel | None.",
)

ROUND_REOPEN_REFUSALS = Hook(
    "voting.round_reopen_refusals",
    "Why a closed round may not be opened again: functions (round) -> a Django ValidationError to raise, or None. "
    "Called by voting.services.round_open inside its transaction.",
)

ROUND_RESET = Hook(
    "voting.round_reset",
    "What else goes when staff start a round afresh: functions (round, user, reason, now) -> None, called by "
    "voting.services.round_reset inside its transaction, after the ballots are deleted.",
)
