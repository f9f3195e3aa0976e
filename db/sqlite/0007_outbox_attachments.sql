-- 0007_outbox_attachments (SQLite): files sent with an outbox message (e.g. a reply letter as .docx), written in the
-- same transaction as the message; deleted with it.

CREATE TABLE "OutboxAttachments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OutboxAttachments" PRIMARY KEY AUTOINCREMENT,
    "OutboxMessageId" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    CONSTRAINT "FK_OutboxAttachments_OutboxMessages_OutboxMessageId" FOREIGN KEY ("OutboxMessageId") REFERENCES "OutboxMessages" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_OutboxAttachments_OutboxMessageId" ON "OutboxAttachments" ("OutboxMessageId");
