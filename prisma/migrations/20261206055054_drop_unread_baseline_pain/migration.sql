-- The baseline pain on the episode's row was written on every write and read by nothing (the
-- caseload shows the latest pain; baseline and trend come from the derived state). Issue 44.
-- AlterTable
ALTER TABLE "Episode" DROP COLUMN "baselinePain",
DROP COLUMN "baselinePainDate";
