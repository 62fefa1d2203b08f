-- CreateTable
CREATE TABLE "HandoverRequest" (
    "id" TEXT NOT NULL,
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
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "reviewerId" TEXT,
    "reviewStartedAt" TIMESTAMP(3),
    "returnMessage" TEXT,
    "returnedAt" TIMESTAMP(3),
    "clarifyMessage" TEXT,
    "clarifiedAt" TIMESTAMP(3),
    "mediationNote" TEXT,
    "followUpAt" TIMESTAMP(3),
    "successorId" TEXT,
    "onboardingEffort" TEXT,
    "refundCheck" BOOLEAN NOT NULL DEFAULT false,
    "proposedAt" TIMESTAMP(3),
    "vpaChanges12Months" INTEGER,
    "decision" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "rejectionReason" TEXT,
    "withdrawnAt" TIMESTAMP(3),
    "trainingGivenAt" TIMESTAMP(3),
    "trainingReceivedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "reviewRemindedAt" TIMESTAMP(3),
    "decisionRemindedAt" TIMESTAMP(3),
    "followUpRemindedAt" TIMESTAMP(3),
    "trainingGivenRemindedAt" TIMESTAMP(3),
    "trainingReceivedRemindedAt" TIMESTAMP(3),
    "approvalPostKey" TEXT,
    "cards" TEXT NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HandoverRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConductReport" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "whatHappened" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '',
    "urgent" BOOLEAN NOT NULL DEFAULT true,
    "cards" TEXT NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConductReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConductAcknowledgement" (
    "reportId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConductAcknowledgement_pkey" PRIMARY KEY ("reportId","personId")
);

-- CreateTable
CREATE TABLE "InvokeReceipt" (
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "result" TEXT NOT NULL,

    CONSTRAINT "InvokeReceipt_pkey" PRIMARY KEY ("key")
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

-- AddForeignKey
ALTER TABLE "HandoverRequest" ADD CONSTRAINT "HandoverRequest_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoverRequest" ADD CONSTRAINT "HandoverRequest_vpaId_fkey" FOREIGN KEY ("vpaId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoverRequest" ADD CONSTRAINT "HandoverRequest_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoverRequest" ADD CONSTRAINT "HandoverRequest_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoverRequest" ADD CONSTRAINT "HandoverRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConductReport" ADD CONSTRAINT "ConductReport_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConductReport" ADD CONSTRAINT "ConductReport_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConductAcknowledgement" ADD CONSTRAINT "ConductAcknowledgement_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "ConductReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConductAcknowledgement" ADD CONSTRAINT "ConductAcknowledgement_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

