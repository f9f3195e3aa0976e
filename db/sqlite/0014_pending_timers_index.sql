-- 0014_pending_timers_index (SQLite): the sweep's index holds only timers not yet fired. Firing used to move a row
-- within it (a delete and an insert at its claim time); now it leaves, and fired timers, kept as history, no longer grow
-- it. Every query of the sweep names FiredAtUtc IS NULL, so the planner may use it.
DROP INDEX IF EXISTS "IX_CaseTimers_ClaimedAtUtc_DueAtUtc";

CREATE INDEX "IX_CaseTimers_ClaimedAtUtc_DueAtUtc" ON "CaseTimers" ("ClaimedAtUtc", "DueAtUtc") WHERE "FiredAtUtc" IS NULL;
