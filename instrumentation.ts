// Runs once when a Next.js server starts (not during the build): background work that must
// survive restarts is resumed here.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { resumeReevaluations } = await import("./lib/rules/reevaluation-runner.server");
  await resumeReevaluations().catch((error: unknown) => {
    console.error(`Could not resume the re-evaluation of flags at start (${error instanceof Error ? error.name : typeof error}).`);
  });
}
