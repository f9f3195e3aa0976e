-- 0005_reports (SQLite): what the annual report needs — fee dates on cases, case numbers unique per
-- agency (for imported ledgers), the proceedings read model, table 二 as typed in, and report locks.

ALTER TABLE "Cases" ADD "FeeNotifiedOn" TEXT NULL;

ALTER TABLE "Cases" ADD "FeePaidOn" TEXT NULL;

-- Case numbers are unique per agency (ledger numbers are the offices' own)
DROP INDEX "IX_Cases_CaseNumber";

DROP INDEX "IX_Cases_AgencyCode_NumberYear_Sequence";

CREATE UNIQUE INDEX "IX_Cases_AgencyCode_CaseNumber" ON "Cases" ("AgencyCode", "CaseNumber");

CREATE TABLE "ReportLocks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReportLocks" PRIMARY KEY AUTOINCREMENT,
    "AgencyCode" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Subordinates" INTEGER NOT NULL,
    "FiguresJson" TEXT NOT NULL,
    "Hash" TEXT NOT NULL,
    "LockedBy" TEXT NOT NULL,
    "LockedAtUtc" TEXT NOT NULL,
    "UnlockedBy" TEXT NULL,
    "UnlockedAtUtc" TEXT NULL,
    "UnlockReason" TEXT NULL,
    CONSTRAINT "FK_ReportLocks_Agencies_AgencyCode" FOREIGN KEY ("AgencyCode") REFERENCES "Agencies" ("Code") ON DELETE RESTRICT
);

CREATE TABLE "ReportTable2" (
    "AgencyCode" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Json" TEXT NOT NULL,
    "UpdatedBy" TEXT NOT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    CONSTRAINT "PK_ReportTable2" PRIMARY KEY ("AgencyCode", "Year"),
    CONSTRAINT "FK_ReportTable2_Agencies_AgencyCode" FOREIGN KEY ("AgencyCode") REFERENCES "Agencies" ("Code") ON DELETE RESTRICT
);

CREATE TABLE "CaseProceedings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CaseProceedings" PRIMARY KEY AUTOINCREMENT,
    "CaseId" INTEGER NOT NULL,
    "AgencyCode" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "FiledOn" TEXT NOT NULL,
    "Result" TEXT NULL,
    "DecidedOn" TEXT NULL,
    "Imported" INTEGER NOT NULL,
    CONSTRAINT "FK_CaseProceedings_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_CaseProceedings_AgencyCode_FiledOn" ON "CaseProceedings" ("AgencyCode", "FiledOn");

CREATE UNIQUE INDEX "IX_CaseProceedings_CaseId_Number" ON "CaseProceedings" ("CaseId", "Number");

CREATE INDEX "IX_ReportLocks_AgencyCode_Year_UnlockedAtUtc" ON "ReportLocks" ("AgencyCode", "Year", "UnlockedAtUtc");
