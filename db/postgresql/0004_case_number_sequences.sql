-- 0004_case_number_sequences (PostgreSQL): an atomic counter per agency and year for case numbers.
-- Drafted from CaseFlowDbContext with GenerateCreateScript(), then reviewed.

CREATE TABLE "CaseNumberSequences" (
    "AgencyCode" character varying(64) NOT NULL,
    "Year" integer NOT NULL,
    "LastSequence" integer NOT NULL,
    CONSTRAINT "PK_CaseNumberSequences" PRIMARY KEY ("AgencyCode", "Year"),
    CONSTRAINT "FK_CaseNumberSequences_Agencies_AgencyCode" FOREIGN KEY ("AgencyCode") REFERENCES "Agencies" ("Code") ON DELETE RESTRICT
);

-- Existing cases keep their numbers: each counter starts at the highest number already used.
INSERT INTO "CaseNumberSequences" ("AgencyCode", "Year", "LastSequence")
SELECT "AgencyCode", "NumberYear", MAX("Sequence") FROM "Cases" GROUP BY "AgencyCode", "NumberYear";
