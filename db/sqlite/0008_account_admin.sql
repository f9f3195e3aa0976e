-- 0008_account_admin (SQLite): administrators disable accounts (kept, unlike deleting them, so their cases and
-- journal rows still name them), and every administrator change outside a case is recorded in AuditEntries.

ALTER TABLE "AspNetUsers" ADD COLUMN "DisabledAtUtc" TEXT NULL;

CREATE TABLE "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "AtUtc" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Target" TEXT NOT NULL,
    "Detail" TEXT NOT NULL
);

CREATE INDEX "IX_AuditEntries_Target" ON "AuditEntries" ("Target");
