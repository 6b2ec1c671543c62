-- AlterTable
ALTER TABLE "Patient" ADD COLUMN     "comorbidities" TEXT[] DEFAULT ARRAY[]::TEXT[];
