-- Contributions and validation outcomes are queued for anchoring by the code that writes them, not
-- by triggers, so a reader can follow a contribution to its anchor in TypeScript:
-- submitContributions and decideIfReady call src/anchoring/anchorQueue.ts in the same transaction as
-- their insert (what the triggers of 0006 did: atomic with the row, one statement per insert).
drop trigger contributions_anchor_queue on contributions;
drop function chain_queue_contributions();
drop trigger validation_outcomes_anchor_queue on validation_outcomes;
drop function chain_queue_validations();
