-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "detail" JSONB;
