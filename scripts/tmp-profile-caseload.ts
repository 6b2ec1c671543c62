// TEMPORARY (not committed): profile the production server answering /caseload views.
import { AppServer } from "../tests/support/app-server";
import { signIn } from "../tests/support/http-client";
import { BENCH_CLINICIAN, BENCH_PASSWORD } from "./bench-config";

const paths = (process.env.PATHS ?? "/caseload").split(",");
const runs = Number(process.env.RUNS ?? 200);
const server = new AppServer(3299, { NEXTAUTH_SECRET: "profile-secret-profile-secret-profile-secret" });
await server.start();
try {
  const cookie = await signIn(server.baseURL, BENCH_CLINICIAN, BENCH_PASSWORD);
  for (const p of paths) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const r = await fetch(server.baseURL + p, { headers: { cookie } });
      const body = await r.text();
      if (i === 0) console.log(p, r.status, body.length, "bytes", r.headers.get("content-encoding"));
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(p, "p50", times[Math.floor(runs / 2)]!.toFixed(1), "p95", times[Math.floor(runs * 0.95)]!.toFixed(1));
  }
} finally {
  await server.stop();
}
