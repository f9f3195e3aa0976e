-- 0002_cases (SQLite): the DisclosureRequest aggregate (filterable fields as columns, the rest in DetailsJson),
-- its append-only journal, timers, waiting points, outbox and idempotency records.
-- Drafted from CaseFlowDbContext with GenerateCreateScript(), then reviewed.

CREATE TABLE "IdempotencyRecords" (
    "Key" TEXT NOT NULL,
    "UserName" TEXT NOT NULL,
    "RequestHash" TEXT NOT NULL,
    "StatusCode" INTEGER NOT NULL,
    "ResponseJson" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    CONSTRAINT "PK_IdempotencyRecords" PRIMARY KEY ("UserName", "Key")
);

CREATE TABLE "Cases" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Cases" PRIMARY KEY AUTOINCREMENT,
    "AgencyCode" TEXT NOT NULL,
    "CaseNumber" TEXT NOT NULL,
    "NumberYear" INTEGER NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "WorkflowId" TEXT NOT NULL,
    "WorkflowVersion" INTEGER NOT NULL,
    "State" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "Channel" TEXT NOT NULL,
    "SubmittedOn" TEXT NOT NULL,
    "ConfirmedOn" TEXT NULL,
    "ArrivedAtUtc" TEXT NULL,
    "ReceivedOn" TEXT NOT NULL,
    "ApplicantColumn" TEXT NOT NULL,
    "ApplicantName" TEXT NOT NULL,
    "IdDocumentNumber" TEXT NULL,
    "Contact" TEXT NULL,
    "Email" TEXT NULL,
    "Address" TEXT NULL,
    "RequestedInformation" TEXT NOT NULL,
    "RequestedForm" TEXT NULL,
    "DeliveryChannel" TEXT NULL,
    "AssignedOfficer" TEXT NULL,
    "CorrectionReceivedOn" TEXT NULL,
    "ExtensionDays" INTEGER NOT NULL,
    "Article35ReplyOn" TEXT NULL,
    "CorrectionNoticeDueOn" TEXT NOT NULL,
    "ReplyDueOn" TEXT NULL,
    "DueProvisional" INTEGER NOT NULL,
    "Round" INTEGER NOT NULL,
    "Outcome" TEXT NULL,
    "ConcludedOn" TEXT NULL,
    "IsVoid" INTEGER NOT NULL,
    "VoidReason" TEXT NULL,
    "IsImported" INTEGER NOT NULL,
    "FeeNotifiedYuan" TEXT NULL,
    "FeePaidYuan" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "DetailsJson" TEXT NOT NULL,
    CONSTRAINT "FK_Cases_Agencies_AgencyCode" FOREIGN KEY ("AgencyCode") REFERENCES "Agencies" ("Code") ON DELETE RESTRICT
);

CREATE TABLE "CaseJournal" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CaseJournal" PRIMARY KEY AUTOINCREMENT,
    "CaseId" INTEGER NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "AtUtc" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Step" TEXT NULL,
    "FromState" TEXT NULL,
    "ToState" TEXT NULL,
    "PayloadJson" TEXT NULL,
    "FactsJson" TEXT NULL,
    CONSTRAINT "FK_CaseJournal_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "CaseTimers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CaseTimers" PRIMARY KEY AUTOINCREMENT,
    "CaseId" INTEGER NOT NULL,
    "Key" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "DueAtUtc" TEXT NOT NULL,
    "Action" TEXT NULL,
    "Payload" TEXT NULL,
    "ClaimedAtUtc" TEXT NULL,
    "ClaimedBy" TEXT NULL,
    "FiredAtUtc" TEXT NULL,
    CONSTRAINT "FK_CaseTimers_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "OutboxMessages" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OutboxMessages" PRIMARY KEY AUTOINCREMENT,
    "CaseId" INTEGER NULL,
    "Kind" TEXT NOT NULL,
    "To" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "MessageId" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "NextAttemptAtUtc" TEXT NOT NULL,
    "SentAtUtc" TEXT NULL,
    "LastError" TEXT NULL,
    CONSTRAINT "FK_OutboxMessages_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "WaitingPoints" (
    "CaseId" INTEGER NOT NULL CONSTRAINT "PK_WaitingPoints" PRIMARY KEY,
    "AgencyCode" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Role" TEXT NULL,
    "Assignee" TEXT NULL,
    "Actions" TEXT NOT NULL,
    "DueOn" TEXT NULL,
    "SinceUtc" TEXT NOT NULL,
    CONSTRAINT "FK_WaitingPoints_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_CaseJournal_CaseId_Id" ON "CaseJournal" ("CaseId", "Id");

CREATE UNIQUE INDEX "IX_Cases_AgencyCode_NumberYear_Sequence" ON "Cases" ("AgencyCode", "NumberYear", "Sequence");

CREATE INDEX "IX_Cases_AgencyCode_ConcludedOn_ReplyDueOn" ON "Cases" ("AgencyCode", "ConcludedOn", "ReplyDueOn");

CREATE INDEX "IX_Cases_AgencyCode_State" ON "Cases" ("AgencyCode", "State");

CREATE INDEX "IX_Cases_AssignedOfficer" ON "Cases" ("AssignedOfficer");

CREATE UNIQUE INDEX "IX_Cases_CaseNumber" ON "Cases" ("CaseNumber");

CREATE INDEX "IX_Cases_ConcludedOn" ON "Cases" ("ConcludedOn");

CREATE INDEX "IX_Cases_ReceivedOn" ON "Cases" ("ReceivedOn");

CREATE INDEX "IX_Cases_ReplyDueOn" ON "Cases" ("ReplyDueOn");

CREATE INDEX "IX_CaseTimers_CaseId" ON "CaseTimers" ("CaseId");

CREATE INDEX "IX_CaseTimers_ClaimedAtUtc_DueAtUtc" ON "CaseTimers" ("ClaimedAtUtc", "DueAtUtc");

CREATE INDEX "IX_OutboxMessages_CaseId" ON "OutboxMessages" ("CaseId");

CREATE UNIQUE INDEX "IX_OutboxMessages_MessageId" ON "OutboxMessages" ("MessageId");

CREATE INDEX "IX_OutboxMessages_Status_NextAttemptAtUtc" ON "OutboxMessages" ("Status", "NextAttemptAtUtc");

CREATE INDEX "IX_WaitingPoints_Assignee" ON "WaitingPoints" ("Assignee");

CREATE INDEX "IX_WaitingPoints_Role_AgencyCode_DueOn" ON "WaitingPoints" ("Role", "AgencyCode", "DueOn");
