-- 0003_notifications (SQLite): in-app reminders and escalations per user.
-- Drafted from CaseFlowDbContext with GenerateCreateScript(), then reviewed.

CREATE TABLE "Notifications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Notifications" PRIMARY KEY AUTOINCREMENT,
    "UserName" TEXT NOT NULL,
    "CaseId" INTEGER NULL,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "ReadAtUtc" TEXT NULL
);

CREATE INDEX "IX_Notifications_CaseId" ON "Notifications" ("CaseId");

CREATE INDEX "IX_Notifications_UserName_ReadAtUtc" ON "Notifications" ("UserName", "ReadAtUtc");
