-- 0009_waits_on_others (PostgreSQL): the work queue puts cases that wait on someone outside the office (a consultation,
-- the fee, the applicant's correction) after those due soon; the flag is kept with the case by every step.
ALTER TABLE "Cases" ADD COLUMN "WaitsOnOthers" boolean NOT NULL DEFAULT FALSE;

UPDATE "Cases" SET "WaitsOnOthers" = TRUE
WHERE "ConcludedOn" IS NULL AND NOT "IsVoid" AND (
       ("CorrectionReceivedOn" IS NULL AND ("DetailsJson"::jsonb -> 'correction') IS NOT NULL AND jsonb_typeof("DetailsJson"::jsonb -> 'correction') <> 'null')
    OR (jsonb_typeof("DetailsJson"::jsonb -> 'fee') = 'object' AND ("DetailsJson"::jsonb -> 'fee' ->> 'paidOn') IS NULL
        AND coalesce(("DetailsJson"::jsonb -> 'fee' ->> 'expired')::boolean, FALSE) = FALSE)
    OR EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof("DetailsJson"::jsonb -> 'consultations') = 'array'
                   THEN "DetailsJson"::jsonb -> 'consultations' ELSE '[]'::jsonb END) AS x WHERE (x ->> 'repliedOn') IS NULL));

CREATE INDEX "IX_Cases_AgencyCode_ConcludedOn_WaitsOnOthers_ReplyDueOn" ON "Cases" ("AgencyCode", "ConcludedOn", "WaitsOnOthers", "ReplyDueOn");
