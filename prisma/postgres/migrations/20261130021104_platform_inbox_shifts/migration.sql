-- DropIndex
DROP INDEX "InactivityCycle_status_idx";

-- AlterTable
ALTER TABLE "InactivityCycle" ADD COLUMN     "nextCheckAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "PlatformEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "data" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "processedAt" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "PlatformEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlatformSync" (
    "name" TEXT NOT NULL,
    "cursor" TIMESTAMP(3),
    "lastAttemptAt" TIMESTAMP(3),
    "lastSuccessAt" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "PlatformSync_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "InboxItem" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "clientId" TEXT,
    "clientNumber" TEXT NOT NULL DEFAULT '',
    "subject" TEXT NOT NULL DEFAULT '',
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "answeredAt" TIMESTAMP(3),
    "answeredVia" TEXT,
    "source" TEXT NOT NULL,
    "alertedAt" TIMESTAMP(3),
    "cards" TEXT NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InboxItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShiftAssignment" (
    "id" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "shift" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "lead" BOOLEAN NOT NULL DEFAULT false,
    "from" TEXT,
    "until" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShiftAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShiftCheck" (
    "id" TEXT NOT NULL,
    "slot" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "postedAt" TIMESTAMP(3) NOT NULL,
    "counts" TEXT NOT NULL DEFAULT '{}',
    "pinged" TEXT NOT NULL DEFAULT '[]',
    "cards" TEXT NOT NULL DEFAULT '[]',
    "acknowledgedById" TEXT,
    "acknowledgedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ShiftCheck_pkey" PRIMARY KEY ("id")
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
