-- AlterTable
ALTER TABLE "OutcomeMeasurement" ADD COLUMN     "clientId" UUID,
ADD COLUMN     "madeAt" TIMESTAMPTZ(3);
