-- 0010_agency_proceedings (SQLite): reviews and lawsuits that concern no case (e.g. over proactive disclosure). They
-- belong to an agency and count in table 四 like a case's proceedings (domain.md §2.9, §5).

CREATE TABLE "AgencyProceedings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AgencyProceedings" PRIMARY KEY AUTOINCREMENT,
    "AgencyCode" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "Subject" TEXT NULL,
    "FiledOn" TEXT NOT NULL,
    "CopyReceivedOn" TEXT NOT NULL,
    "SimpleProcedure" INTEGER NOT NULL,
    "ResponseDueOn" TEXT NOT NULL,
    "ReviewId" INTEGER NULL,
    "Result" TEXT NULL,
    "DecidedOn" TEXT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL
);

CREATE INDEX "IX_AgencyProceedings_AgencyCode_FiledOn" ON "AgencyProceedings" ("AgencyCode", "FiledOn");
