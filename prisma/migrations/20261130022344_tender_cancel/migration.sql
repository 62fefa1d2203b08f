-- AlterTable
ALTER TABLE "Tender" ADD COLUMN "cancelReason" TEXT;
ALTER TABLE "Tender" ADD COLUMN "cancelledAt" DATETIME;
ALTER TABLE "Tender" ADD COLUMN "cancelledById" TEXT;

