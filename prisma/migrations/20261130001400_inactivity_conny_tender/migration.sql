-- CreateTable
CREATE TABLE "InactivityCycle" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clientId" TEXT NOT NULL,
    "cycle" INTEGER NOT NULL,
    "lastTaskAt" DATETIME NOT NULL,
    "vpaId" TEXT,
    "status" TEXT NOT NULL,
    "connyAt" DATETIME,
    "connyById" TEXT,
    "postponedUntil" DATETIME,
    "postponeReason" TEXT,
    "pausedAt" DATETIME,
    "reactivatedAt" DATETIME,
    "reactivationTaskId" TEXT,
    "reactivatedAfter" TEXT,
    "endedAt" DATETIME,
    "endReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "InactivityStep" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cycleId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "cycle" INTEGER NOT NULL,
    "step" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "InactivityExclusion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clientId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "byId" TEXT,
    "from" DATETIME NOT NULL,
    "until" DATETIME,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ClientMark" (
    "clientId" TEXT NOT NULL PRIMARY KEY,
    "vpaId" TEXT,
    "markedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PlatformTodo" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "senderId" TEXT,
    "subject" TEXT NOT NULL DEFAULT '',
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "doneById" TEXT,
    "doneAt" DATETIME,
    "cards" TEXT NOT NULL DEFAULT '[]',
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Tender" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clientId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "cycleId" TEXT,
    "status" TEXT NOT NULL,
    "lastVpaId" TEXT,
    "lastVpaLeftOut" TEXT,
    "lastVpaLeftOutNote" TEXT,
    "deadline" DATETIME,
    "startedById" TEXT,
    "startedAt" DATETIME,
    "awardedToId" TEXT,
    "awardedById" TEXT,
    "awardedAt" DATETIME,
    "cards" TEXT NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TenderInvite" (
    "tenderId" TEXT NOT NULL,
    "vpaId" TEXT NOT NULL,
    "isLastVpa" BOOLEAN NOT NULL DEFAULT false,

    PRIMARY KEY ("tenderId", "vpaId")
);

-- CreateTable
CREATE TABLE "TenderApplication" (
    "tenderId" TEXT NOT NULL,
    "vpaId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,

    PRIMARY KEY ("tenderId", "vpaId")
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

