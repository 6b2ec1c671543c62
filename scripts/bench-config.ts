export const BENCH_CLINIC = "Benchmark Klinik";
export const BENCH_CLINICIAN = "bench@bench.test";
export const BENCH_PASSWORD = "heelpain-bench";
export const BENCH_PATIENTS = 20_000;
/** A patient of the benchmark clinic with a portal account: the one with the longest history. */
export const BENCH_PORTAL_PATIENT = { email: "bench-patient@bench.test", number: 399 };
