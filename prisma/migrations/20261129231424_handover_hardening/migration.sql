-- AlterTable
ALTER TABLE "ConductReport" ADD COLUMN "formId" TEXT;


-- Keep the reminders already sent: each former bookkeeping column becomes a once-only claim (src/reminders/once.ts).
-- CreateTable
CREATE TABLE "ReminderClaim" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "at" DATETIME NOT NULL
);

INSERT INTO "ReminderClaim" ("key", "subjectType", "subjectId", "at")
  SELECT 'handover:' || "id" || ':remind:review:first', 'handover', "id", "reviewRemindedAt" FROM "HandoverRequest" WHERE "reviewRemindedAt" IS NOT NULL;
INSERT INTO "ReminderClaim" ("key", "subjectType", "subjectId", "at")
  SELECT 'handover:' || "id" || ':remind:decision:first', 'handover', "id", "decisionRemindedAt" FROM "HandoverRequest" WHERE "decisionRemindedAt" IS NOT NULL;
INSERT INTO "ReminderClaim" ("key", "subjectType", "subjectId", "at")
  SELECT 'handover:' || "id" || ':remind:follow-up:legacy', 'handover', "id", "followUpRemindedAt" FROM "HandoverRequest" WHERE "followUpRemindedAt" IS NOT NULL;
INSERT INTO "ReminderClaim" ("key", "subjectType", "subjectId", "at")
  SELECT 'handover:' || "id" || ':remind:training-given:first', 'handover', "id", "trainingGivenRemindedAt" FROM "HandoverRequest" WHERE "trainingGivenRemindedAt" IS NOT NULL;
INSERT INTO "ReminderClaim" ("key", "subjectType", "subjectId", "at")
  SELECT 'handover:' || "id" || ':remind:training-received:first', 'handover', "id", "trainingReceivedRemindedAt" FROM "HandoverRequest" WHERE "trainingReceivedRemindedAt" IS NOT NULL;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_HandoverRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clientId" TEXT NOT NULL,
    "vpaId" TEXT NOT NULL,
    "openClientId" TEXT,
    "status" TEXT NOT NULL,
    "reasonCategory" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "measures" TEXT NOT NULL DEFAULT '',
    "clientWantsTraining" BOOLEAN NOT NULL,
    "successorNotes" TEXT NOT NULL DEFAULT '',
    "challenges" TEXT NOT NULL DEFAULT '[]',
    "flaggedForCommunity" BOOLEAN NOT NULL DEFAULT false,
    "submittedAt" DATETIME NOT NULL,
    "reviewerId" TEXT,
    "reviewStartedAt" DATETIME,
    "returnMessage" TEXT,
    "returnedAt" DATETIME,
    "clarifyMessage" TEXT,
    "clarifiedAt" DATETIME,
    "mediationNote" TEXT,
    "followUpAt" DATETIME,
    "successorId" TEXT,
    "onboardingEffort" TEXT,
    "refundCheck" BOOLEAN NOT NULL DEFAULT false,
    "proposedAt" DATETIME,
    "vpaChanges12Months" INTEGER,
    "decision" TEXT,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "rejectionReason" TEXT,
    "withdrawnAt" DATETIME,
    "trainingGivenAt" DATETIME,
    "trainingReceivedAt" DATETIME,
    "completedAt" DATETIME,
    "formId" TEXT,
    "caseSummary" TEXT,
    "clarificationAnswer" TEXT,
    "clarificationNote" TEXT,
    "clarificationAnsweredAt" DATETIME,
    "clientInformedAt" DATETIME,
    "trainingWanted" BOOLEAN,
    "completionError" TEXT,
    "completionFailedAt" DATETIME,
    "closedById" TEXT,
    "closeReason" TEXT,
    "cancelledAt" DATETIME,
    "approvalPostKey" TEXT,
    "cards" TEXT NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "HandoverRequest_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HandoverRequest_vpaId_fkey" FOREIGN KEY ("vpaId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HandoverRequest_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "HandoverRequest_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "HandoverRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_HandoverRequest" ("approvalPostKey", "cards", "challenges", "clarifiedAt", "clarifyMessage", "clientId", "clientWantsTraining", "completedAt", "createdAt", "decidedAt", "decidedById", "decision", "flaggedForCommunity", "followUpAt", "id", "measures", "mediationNote", "onboardingEffort", "openClientId", "proposedAt", "reason", "reasonCategory", "refundCheck", "rejectionReason", "returnMessage", "returnedAt", "reviewStartedAt", "reviewerId", "status", "submittedAt", "successorId", "successorNotes", "trainingGivenAt", "trainingReceivedAt", "updatedAt", "version", "vpaChanges12Months", "vpaId", "withdrawnAt") SELECT "approvalPostKey", "cards", "challenges", "clarifiedAt", "clarifyMessage", "clientId", "clientWantsTraining", "completedAt", "createdAt", "decidedAt", "decidedById", "decision", "flaggedForCommunity", "followUpAt", "id", "measures", "mediationNote", "onboardingEffort", "openClientId", "proposedAt", "reason", "reasonCategory", "refundCheck", "rejectionReason", "returnMessage", "returnedAt", "reviewStartedAt", "reviewerId", "status", "submittedAt", "successorId", "successorNotes", "trainingGivenAt", "trainingReceivedAt", "updatedAt", "version", "vpaChanges12Months", "vpaId", "withdrawnAt" FROM "HandoverRequest";
DROP TABLE "HandoverRequest";
ALTER TABLE "new_HandoverRequest" RENAME TO "HandoverRequest";
CREATE UNIQUE INDEX "HandoverRequest_openClientId_key" ON "HandoverRequest"("openClientId");
CREATE UNIQUE INDEX "HandoverRequest_formId_key" ON "HandoverRequest"("formId");
CREATE INDEX "HandoverRequest_status_idx" ON "HandoverRequest"("status");
CREATE INDEX "HandoverRequest_vpaId_status_idx" ON "HandoverRequest"("vpaId", "status");
CREATE INDEX "HandoverRequest_clientId_submittedAt_idx" ON "HandoverRequest"("clientId", "submittedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ReminderClaim_subjectType_subjectId_idx" ON "ReminderClaim"("subjectType", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "ConductReport_formId_key" ON "ConductReport"("formId");

-- CreateIndex
CREATE INDEX "InvokeReceipt_createdAt_idx" ON "InvokeReceipt"("createdAt");

-- Existing approved requests were informed under the old flow (the VPA's form answer decided the training).
UPDATE "HandoverRequest" SET "clientInformedAt" = "decidedAt", "trainingWanted" = "clientWantsTraining" WHERE "status" IN ('approved', 'completed') AND "decidedAt" IS NOT NULL;
