-- CreateTable
CREATE TABLE "InactivityCycle" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "cycle" INTEGER NOT NULL,
    "lastTaskAt" TIMESTAMP(3) NOT NULL,
    "vpaId" TEXT,
    "status" TEXT NOT NULL,
    "connyAt" TIMESTAMP(3),
    "connyById" TEXT,
    "postponedUntil" TIMESTAMP(3),
    "postponeReason" TEXT,
    "pausedAt" TIMESTAMP(3),
    "reactivatedAt" TIMESTAMP(3),
    "reactivationTaskId" TEXT,
    "reactivatedAfter" TEXT,
    "endedAt" TIMESTAMP(3),
    "endReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InactivityCycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InactivityStep" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "cycle" INTEGER NOT NULL,
    "step" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InactivityStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InactivityExclusion" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "byId" TEXT,
    "from" TIMESTAMP(3) NOT NULL,
    "until" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InactivityExclusion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClientMark" (
    "clientId" TEXT NOT NULL,
    "vpaId" TEXT,
    "markedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClientMark_pkey" PRIMARY KEY ("clientId")
);

-- CreateTable
CREATE TABLE "PlatformTodo" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "senderId" TEXT,
    "subject" TEXT NOT NULL DEFAULT '',
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "doneById" TEXT,
    "doneAt" TIMESTAMP(3),
    "cards" TEXT NOT NULL DEFAULT '[]',
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlatformTodo_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tender" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "cycleId" TEXT,
    "status" TEXT NOT NULL,
    "lastVpaId" TEXT,
    "lastVpaLeftOut" TEXT,
    "lastVpaLeftOutNote" TEXT,
    "deadline" TIMESTAMP(3),
    "startedById" TEXT,
    "startedAt" TIMESTAMP(3),
    "awardedToId" TEXT,
    "awardedById" TEXT,
    "awardedAt" TIMESTAMP(3),
    "cards" TEXT NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Tender_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TenderInvite" (
    "tenderId" TEXT NOT NULL,
    "vpaId" TEXT NOT NULL,
    "isLastVpa" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "TenderInvite_pkey" PRIMARY KEY ("tenderId","vpaId")
);

-- CreateTable
CREATE TABLE "TenderApplication" (
    "tenderId" TEXT NOT NULL,
    "vpaId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TenderApplication_pkey" PRIMARY KEY ("tenderId","vpaId")
);

-- CreateIndex
CREATE INDEX "InactivityCycle_status_idx" ON "InactivityCycle"("status");

-- CreateIndex
CREATE INDEX "InactivityCycle_clientId_status_idx" ON "InactivityCycle"("clientId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "InactivityCycle_clientId_cycle_key" ON "InactivityCycle"("clientId", "cycle");

-- CreateIndex
CREATE INDEX "InactivityStep_cycleId_idx" ON "InactivityStep"("cycleId");

-- CreateIndex
CREATE INDEX "InactivityStep_step_at_idx" ON "InactivityStep"("step", "at");

-- CreateIndex
CREATE UNIQUE INDEX "InactivityStep_clientId_step_cycle_key" ON "InactivityStep"("clientId", "step", "cycle");

-- CreateIndex
CREATE INDEX "InactivityExclusion_clientId_idx" ON "InactivityExclusion"("clientId");

-- CreateIndex
CREATE UNIQUE INDEX "PlatformTodo_idempotencyKey_key" ON "PlatformTodo"("idempotencyKey");

-- CreateIndex
CREATE INDEX "PlatformTodo_status_idx" ON "PlatformTodo"("status");

-- CreateIndex
CREATE INDEX "PlatformTodo_clientId_idx" ON "PlatformTodo"("clientId");

-- CreateIndex
CREATE UNIQUE INDEX "Tender_taskId_key" ON "Tender"("taskId");

-- CreateIndex
CREATE INDEX "Tender_status_idx" ON "Tender"("status");

-- CreateIndex
CREATE INDEX "Tender_clientId_idx" ON "Tender"("clientId");

