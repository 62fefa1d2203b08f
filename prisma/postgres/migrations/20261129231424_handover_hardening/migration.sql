-- Keep the reminders already sent: each former bookkeeping column becomes a once-only claim (src/reminders/once.ts).
-- CreateTable
CREATE TABLE "ReminderClaim" (
    "key" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReminderClaim_pkey" PRIMARY KEY ("key")
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

-- AlterTable
ALTER TABLE "HandoverRequest" DROP COLUMN "decisionRemindedAt",
DROP COLUMN "followUpRemindedAt",
DROP COLUMN "reviewRemindedAt",
DROP COLUMN "trainingGivenRemindedAt",
DROP COLUMN "trainingReceivedRemindedAt",
ADD COLUMN     "cancelledAt" TIMESTAMP(3),
ADD COLUMN     "caseSummary" TEXT,
ADD COLUMN     "clarificationAnswer" TEXT,
ADD COLUMN     "clarificationAnsweredAt" TIMESTAMP(3),
ADD COLUMN     "clarificationNote" TEXT,
ADD COLUMN     "clientInformedAt" TIMESTAMP(3),
ADD COLUMN     "closeReason" TEXT,
ADD COLUMN     "closedById" TEXT,
ADD COLUMN     "completionError" TEXT,
ADD COLUMN     "completionFailedAt" TIMESTAMP(3),
ADD COLUMN     "formId" TEXT,
ADD COLUMN     "trainingWanted" BOOLEAN;

-- AlterTable
ALTER TABLE "ConductReport" ADD COLUMN     "formId" TEXT;


-- CreateIndex
CREATE INDEX "ReminderClaim_subjectType_subjectId_idx" ON "ReminderClaim"("subjectType", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "HandoverRequest_formId_key" ON "HandoverRequest"("formId");

-- CreateIndex
CREATE UNIQUE INDEX "ConductReport_formId_key" ON "ConductReport"("formId");

-- CreateIndex
CREATE INDEX "InvokeReceipt_createdAt_idx" ON "InvokeReceipt"("createdAt");

-- Existing approved requests were informed under the old flow (the VPA's form answer decided the training).
UPDATE "HandoverRequest" SET "clientInformedAt" = "decidedAt", "trainingWanted" = "clientWantsTraining" WHERE "status" IN ('approved', 'completed') AND "decidedAt" IS NOT NULL;
