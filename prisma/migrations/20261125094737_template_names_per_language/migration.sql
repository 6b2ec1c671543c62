-- A program template has a name in each language of the UI. The seeded names were written
-- "Dansk / English"; they are split there, and any other name is kept for both languages.
ALTER TABLE "ProgramTemplate" ADD COLUMN "nameDa" TEXT, ADD COLUMN "nameEn" TEXT;

UPDATE "ProgramTemplate" SET
  "nameDa" = CASE WHEN position(' / ' IN "name") > 0 THEN split_part("name", ' / ', 1) ELSE "name" END,
  "nameEn" = CASE WHEN position(' / ' IN "name") > 0 THEN substr("name", position(' / ' IN "name") + 3) ELSE "name" END;

ALTER TABLE "ProgramTemplate" ALTER COLUMN "nameDa" SET NOT NULL, ALTER COLUMN "nameEn" SET NOT NULL, DROP COLUMN "name";
