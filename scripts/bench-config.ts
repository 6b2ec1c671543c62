export const BENCH_CLINIC = "Benchmark Klinik";
export const BENCH_CLINICIAN = "bench@bench.test";
export const BENCH_PASSWORD = "heelpain-bench";
export const BENCH_PATIENTS = 20_000;
