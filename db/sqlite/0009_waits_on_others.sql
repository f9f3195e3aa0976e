-- 0009_waits_on_others (SQLite): the work queue puts cases that wait on someone outside the office (a consultation,
-- the fee, the applicant's correction) after those due soon; the flag is kept with the case by every step.
ALTER TABLE "Cases" ADD COLUMN "WaitsOnOthers" INTEGER NOT NULL DEFAULT 0;

UPDATE "Cases" SET "WaitsOnOthers" = 1
WHERE "ConcludedOn" IS NULL AND "IsVoid" = 0 AND (
       ("CorrectionReceivedOn" IS NULL AND json_extract("DetailsJson", '$.correction') IS NOT NULL)
    OR (json_extract("DetailsJson", '$.fee') IS NOT NULL AND json_extract("DetailsJson", '$.fee.paidOn') IS NULL
        AND coalesce(json_extract("DetailsJson", '$.fee.expired'), 0) = 0)
    OR EXISTS (SELECT 1 FROM json_each("DetailsJson", '$.consultations') WHERE json_extract(value, '$.repliedOn') IS NULL));

CREATE INDEX "IX_Cases_AgencyCode_ConcludedOn_WaitsOnOthers_ReplyDueOn" ON "Cases" ("AgencyCode", "ConcludedOn", "WaitsOnOthers", "ReplyDueOn");
