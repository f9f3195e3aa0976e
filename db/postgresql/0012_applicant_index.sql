-- 0012_applicant_index (PostgreSQL): an applicant's other applications at the agency (按件 fee count, 重复申请 candidates
-- on every case page) by index. Identity numbers are stored trimmed and upper-cased from now on; earlier rows are brought
-- to the same form so that an equality lookup finds them.

UPDATE "Cases" SET "IdDocumentNumber" = UPPER(BTRIM("IdDocumentNumber")) WHERE "IdDocumentNumber" IS NOT NULL;

CREATE INDEX "IX_Cases_AgencyCode_IdDocumentNumber" ON "Cases" ("AgencyCode", "IdDocumentNumber");
