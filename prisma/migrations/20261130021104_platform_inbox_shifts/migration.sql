-- DropIndex
DROP INDEX "InactivityCycle_status_idx";

-- AlterTable
ALTER TABLE "InactivityCycle" ADD COLUMN "nextCheckAt" DATETIME;

-- CreateTable
CREATE TABLE "PlatformEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "occurredAt" DATETIME NOT NULL,
    "data" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "processedAt" DATETIME,
    "lastError" TEXT
);

-- CreateTable
CREATE TABLE "PlatformSync" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "cursor" DATETIME,
    "lastAttemptAt" DATETIME,
    "lastSuccessAt" DATETIME,
    "lastError" TEXT
);

-- CreateTable
CREATE TABLE "InboxItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "clientId" TEXT,
    "clientNumber" TEXT NOT NULL DEFAULT '',
    "subject" TEXT NOT NULL DEFAULT '',
    "receivedAt" DATETIME NOT NULL,
    "answeredAt" DATETIME,
    "answeredVia" TEXT,
    "source" TEXT NOT NULL,
    "alertedAt" DATETIME,
    "cards" TEXT NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ShiftAssignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "date" TEXT NOT NULL,
    "shift" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "lead" BOOLEAN NOT NULL DEFAULT false,
    "from" TEXT,
    "until" TEXT,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ShiftCheck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slot" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "postedAt" DATETIME NOT NULL,
    "counts" TEXT NOT NULL DEFAULT '{}',
    "pinged" TEXT NOT NULL DEFAULT '[]',
    "cards" TEXT NOT NULL DEFAULT '[]',
    "acknowledgedById" TEXT,
    "acknowledgedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1
);

-- CreateIndex
CREATE INDEX "PlatformEvent_status_receivedAt_idx" ON "PlatformEvent"("status", "receivedAt");

-- CreateIndex
CREATE INDEX "InboxItem_answeredAt_kind_receivedAt_idx" ON "InboxItem"("answeredAt", "kind", "receivedAt");

-- CreateIndex
CREATE INDEX "InboxItem_receivedAt_idx" ON "InboxItem"("receivedAt");

-- CreateIndex
CREATE INDEX "ShiftAssignment_date_idx" ON "ShiftAssignment"("date");

-- CreateIndex
CREATE INDEX "ShiftAssignment_personId_date_idx" ON "ShiftAssignment"("personId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "ShiftAssignment_date_shift_personId_key" ON "ShiftAssignment"("date", "shift", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "ShiftCheck_slot_key" ON "ShiftCheck"("slot");

-- CreateIndex
CREATE INDEX "ShiftCheck_dueAt_idx" ON "ShiftCheck"("dueAt");

-- CreateIndex
CREATE INDEX "InactivityCycle_status_clientId_lastTaskAt_idx" ON "InactivityCycle"("status", "clientId", "lastTaskAt");

-- CreateIndex
CREATE INDEX "InactivityCycle_status_nextCheckAt_idx" ON "InactivityCycle"("status", "nextCheckAt");


-- Cycles that were running before this column existed: the step job looks at each once and stores its real next check.
UPDATE "InactivityCycle" SET "nextCheckAt" = "lastTaskAt" WHERE "status" IN ('running', 'paused');
