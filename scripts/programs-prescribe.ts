// npm run programs:prescribe -- FILE (or - for stdin): the prescription on asOf of each active
// program of each case, as JSON on stdout (SPEC §6, "Prescriptions from the command line"),
// from the same engine the portal uses (lib/clinical/episode-state.ts). The input is the rules
// command's; invalid input exits with status 2, a message on stderr and nothing on stdout.
import { deriveEpisodeState } from "../lib/clinical/episode-state";
import { ruleSettings } from "../lib/clinical/rules/settings";
import { finish, readCaseInput } from "./case-input";

finish(async () => {
  const input = await readCaseInput(process.argv[2], "Usage: npm run programs:prescribe -- FILE|-");
  if (typeof input === "number") return input;
  const settings = ruleSettings(input.settings);
  const output = input.cases.map((c) => {
    const state = deriveEpisodeState(c, input.asOf, settings);
    return {
      id: c.id,
      // A program not yet started on asOf is left out; a discharged episode has none.
      programs: state.programs.flatMap(({ program, prescription: p }) =>
        p
          ? [
              {
                kind: program.kind,
                template: program.template,
                status: state.plan.status,
                reasons: state.plan.reasons,
                week: p.week,
                phase: p.phase,
                phaseCode: p.phaseSpec.code,
                weekOutcome: p.reason,
                sets: p.sets,
                reps: p.reps,
                suggestedLoadKg: p.suggestedLoadKg,
                loadReason: p.loadReason,
                completed: p.completed,
                totalWeeks: p.totalWeeks,
              },
            ]
          : [],
      ),
    };
  });
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
});
