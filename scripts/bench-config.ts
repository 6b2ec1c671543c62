export const BENCH_CLINIC = "Benchmark Klinik";
export const BENCH_CLINICIAN = "bench@bench.test";
/** The clinic's admin, who reads the clinic report for the whole clinic. */
export const BENCH_ADMIN = "bench-admin@bench.test";
export const BENCH_PASSWORD = "heelpain-bench";
export const BENCH_PATIENTS = 20_000;
/** A patient of the benchmark clinic with a portal account: the one with the longest history. */
export const BENCH_PORTAL_PATIENT = { email: "bench-patient@bench.test", number: 399 };
