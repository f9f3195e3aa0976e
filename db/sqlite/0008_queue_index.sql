-- 0008_queue_index (SQLite): the work queue (GET /api/cases, /cases) lists an agency's cases soonest reply due date
-- first. With this index its page is read in index order (agency, then the due date; equal dates by id, which is the
-- rowid every index entry carries) and stops after the page's rows, instead of sorting every case of the agency;
-- IsVoid is in the index so void cases are skipped without reading the table.

CREATE INDEX "IX_Cases_AgencyCode_ReplyDueOn_IsVoid" ON "Cases" ("AgencyCode", "ReplyDueOn", "IsVoid");
