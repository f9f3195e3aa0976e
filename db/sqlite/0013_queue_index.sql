-- 0013_queue_index (SQLite): the work queue's groups (overdue, due within 3 or 5 working days, waiting on others, the
-- rest of the open cases) are each one range of this index, void cases left out by equality, so a page of an office with
-- a million cases reads only its own rows. It replaces 0009's index, which lacked IsVoid.
DROP INDEX IF EXISTS "IX_Cases_AgencyCode_ConcludedOn_WaitsOnOthers_ReplyDueOn";

CREATE INDEX "IX_Cases_Queue" ON "Cases" ("AgencyCode", "IsVoid", "ConcludedOn", "WaitsOnOthers", "ReplyDueOn");
