-- CreateTable
CREATE TABLE "HandoverRequest" (
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
    "reviewRemindedAt" DATETIME,
    "decisionRemindedAt" DATETIME,
    "followUpRemindedAt" DATETIME,
    "trainingGivenRemindedAt" DATETIME,
    "trainingReceivedRemindedAt" DATETIME,
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

-- CreateTable
CREATE TABLE "ConductReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clientId" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "whatHappened" TEXT NOT NULL,
    "occurredAt" DATETIME NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '',
    "urgent" BOOLEAN NOT NULL DEFAULT true,
    "cards" TEXT NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "ConductReport_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ConductReport_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConductAcknowledgement" (
    "reportId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,

    PRIMARY KEY ("reportId", "personId"),
    CONSTRAINT "ConductAcknowledgement_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "ConductReport" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConductAcknowledgement_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InvokeReceipt" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL,
    "result" TEXT NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "HandoverRequest_openClientId_key" ON "HandoverRequest"("openClientId");

-- CreateIndex
CREATE INDEX "HandoverRequest_status_idx" ON "HandoverRequest"("status");

-- CreateIndex
CREATE INDEX "HandoverRequest_vpaId_status_idx" ON "HandoverRequest"("vpaId", "status");

-- CreateIndex
CREATE INDEX "HandoverRequest_clientId_submittedAt_idx" ON "HandoverRequest"("clientId", "submittedAt");

-- CreateIndex
CREATE INDEX "ConductReport_createdAt_idx" ON "ConductReport"("createdAt");

