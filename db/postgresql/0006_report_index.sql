-- 0006_report_index (PostgreSQL): the annual report aggregates in SQL. One covering index holds everything its GROUP BY
-- reads (agency, then the conclusion date it ranges on, then the other columns), so the report reads no
-- table rows; the rare fee dates get their own indexes.

CREATE INDEX "IX_Cases_Report" ON "Cases" ("AgencyCode", "ConcludedOn", "ReceivedOn", "IsVoid", "ApplicantColumn", "Outcome", "Channel", "ExtensionDays", "ReplyDueOn");

CREATE INDEX "IX_Cases_FeeNotifiedOn" ON "Cases" ("FeeNotifiedOn");

CREATE INDEX "IX_Cases_FeePaidOn" ON "Cases" ("FeePaidOn");
