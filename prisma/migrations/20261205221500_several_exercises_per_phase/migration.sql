-- A phase holds one or more exercises (SPEC §6, revision 2026-12-05).

-- Stored program content: each phase's one exercise becomes a list of one, from day 1, so every
-- template and every patient's program prescribes exactly what it did before.
UPDATE "ProgramTemplate" SET "content" = jsonb_set("content", '{phases}', (
  SELECT COALESCE(jsonb_agg(
    (phase - 'exercise' - 'sets' - 'reps')
      || jsonb_build_object('exercises', jsonb_build_array(jsonb_build_object('exercise', phase->'exercise', 'sets', phase->'sets', 'reps', phase->'reps', 'fromDay', 1)))
    ORDER BY ord), '[]'::jsonb)
  FROM jsonb_array_elements("content"->'phases') WITH ORDINALITY AS t(phase, ord)
))
WHERE "content"->'phases'->0 ? 'exercise';

UPDATE "ProgramAssignment" SET "content" = jsonb_set("content", '{phases}', (
  SELECT COALESCE(jsonb_agg(
    (phase - 'exercise' - 'sets' - 'reps')
      || jsonb_build_object('exercises', jsonb_build_array(jsonb_build_object('exercise', phase->'exercise', 'sets', phase->'sets', 'reps', phase->'reps', 'fromDay', 1)))
    ORDER BY ord), '[]'::jsonb)
  FROM jsonb_array_elements("content"->'phases') WITH ORDINALITY AS t(phase, ord)
))
WHERE "content"->'phases'->0 ? 'exercise';

-- The default templates a clinic has not changed get their new exercises as a new version (the
-- first week's towel curls and calf lowering from day 3; the foot-strength work beside the HSR
-- heel raise). Patients' programs keep their copies; a program assigned from now on gets them.
INSERT INTO "ProgramTemplate" ("id", "clinicId", "key", "version", "kind", "nameDa", "nameEn", "content", "createdAt")
SELECT gen_random_uuid(), t."clinicId", t."key", t."version" + 1, t."kind", t."nameDa", t."nameEn", jsonb_set(t."content", '{phases}', d."phases"), CURRENT_TIMESTAMP
FROM "ProgramTemplate" AS t
JOIN (VALUES
  ('first-week', '[{"code":"OFFLOAD","weeks":[1,1],"load":"NONE","exercises":[{"exercise":"PLANTAR_FASCIA_STRETCH","sets":3,"reps":[10,10],"fromDay":1}]}]'::jsonb, '[{"code":"OFFLOAD","weeks":[1,1],"load":"NONE","exercises":[{"exercise":"PLANTAR_FASCIA_STRETCH","sets":3,"reps":[10,10],"fromDay":1},{"exercise":"TOWEL_CURLS","sets":2,"reps":[1,10],"fromDay":3},{"exercise":"CALF_LOWERING","sets":1,"reps":[10,20],"fromDay":3}]}]'::jsonb),
  ('hsr-12-weeks', '[{"code":"HSR_1","weeks":[1,3],"load":"BODY_WEIGHT","exercises":[{"exercise":"HEEL_RAISE_TOWEL","sets":3,"reps":[12,12],"fromDay":1}]},{"code":"HSR_2","weeks":[4,6],"load":"ADD_LOAD","exercises":[{"exercise":"HEEL_RAISE_TOWEL","sets":3,"reps":[10,12],"fromDay":1}]},{"code":"HSR_3","weeks":[7,9],"load":"MORE_LOAD","exercises":[{"exercise":"HEEL_RAISE_TOWEL","sets":3,"reps":[8,10],"fromDay":1}]},{"code":"HSR_4","weeks":[10,12],"load":"HIGH_LOAD","exercises":[{"exercise":"HEEL_RAISE_TOWEL","sets":3,"reps":[8,8],"fromDay":1}]}]'::jsonb, '[{"code":"HSR_1","weeks":[1,3],"load":"BODY_WEIGHT","exercises":[{"exercise":"HEEL_RAISE_TOWEL","sets":3,"reps":[12,12],"fromDay":1},{"exercise":"TOWEL_CURLS","sets":2,"reps":[1,10],"fromDay":1}]},{"code":"HSR_2","weeks":[4,6],"load":"ADD_LOAD","exercises":[{"exercise":"HEEL_RAISE_TOWEL","sets":3,"reps":[10,12],"fromDay":1},{"exercise":"TOWEL_CURLS","sets":2,"reps":[1,10],"fromDay":1}]},{"code":"HSR_3","weeks":[7,9],"load":"MORE_LOAD","exercises":[{"exercise":"HEEL_RAISE_TOWEL","sets":3,"reps":[8,10],"fromDay":1},{"exercise":"TOWEL_CURLS","sets":2,"reps":[1,10],"fromDay":1}]},{"code":"HSR_4","weeks":[10,12],"load":"HIGH_LOAD","exercises":[{"exercise":"HEEL_RAISE_TOWEL","sets":3,"reps":[8,8],"fromDay":1},{"exercise":"TOWEL_CURLS","sets":2,"reps":[1,10],"fromDay":1}]}]'::jsonb)
) AS d("key", "old", "phases") ON d."key" = t."key"
WHERE t."archivedAt" IS NULL
  AND t."content"->'phases' = d."old"
  AND t."version" = (SELECT max(v."version") FROM "ProgramTemplate" AS v WHERE v."clinicId" = t."clinicId" AND v."key" = t."key");

-- A session records the exercises done: a session logged as done did its phase's one exercise.
ALTER TABLE "SessionLog" ADD COLUMN "exercises" TEXT[] DEFAULT ARRAY[]::TEXT[];
UPDATE "SessionLog" SET "exercises" = ARRAY["exercise"] WHERE "completed" AND "exercise" <> '';
ALTER TABLE "SessionLog" DROP COLUMN "exercise";
