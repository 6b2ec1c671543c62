// The portal's morning peak (SPEC §8, `npm run bench -- --only peak`): many patients at once log
// this morning's pain and a session, through HTTP to the production server exactly as the
// portal's forms send them (autocannon drives the load over loopback), beside the same writes
// made directly by the same services in this process with as many at once. Each patient of the
// benchmark clinic taking part has a portal account of its own; the two passes use different
// patients, so each makes the same inserts (a morning's first pain, then new sessions).
import { randomUUID } from "node:crypto";

import autocannon from "autocannon";

import type { Actor } from "../lib/platform/auth/actor";
import { hashPassword } from "../lib/platform/auth/password";
import { isoDate, today } from "../lib/platform/dates";
import { createPrismaClient, type Db } from "../lib/platform/db/client";
import { type DatabaseTarget, openDatabase } from "../lib/platform/db/database";
import type { PortalLogAnswer } from "../lib/present/portal/portal-log-answer";
import { logMorningPain, logSession } from "../lib/server/portal/portal-logs";
import { AppServer } from "../tests/support/app-server";
import { actionId, encodeActionBody, signIn } from "../tests/support/http-client";
import { BENCH_CLINIC, BENCH_PASSWORD } from "./bench-config";
import { UsageError } from "./cli";

/** Patients per pass, sessions each logs after the morning's pain, and writes under way at once. */
export const PEAK = { patients: 250, sessionsEach: 9, concurrent: 50 };
const PORT = Number(process.env.BENCH_PEAK_PORT ?? 3213);

type PeakPatient = { email: string; userId: string; clinicId: string; timeZone: string; assignmentId: string };
type Write = { patient: PeakPatient; kind: "pain" | "session"; values: Record<string, string> };
export type PeakResult = { writes: number; perSecond: number; p50: number; p99: number };

/** The morning's writes of a group of patients, interleaved as they would arrive: everyone's pain, then sessions. */
function morningWrites(patients: PeakPatient[], day: string): Write[] {
  const writes: Write[] = [];
  for (let round = 0; round <= PEAK.sessionsEach; round += 1) {
    for (const [i, patient] of patients.entries()) {
      writes.push(
        round === 0
          ? { patient, kind: "pain", values: { clientId: randomUUID(), date: day, value: String((i + 3) % 11) } }
          : {
              patient,
              kind: "session",
              values: {
                clientId: randomUUID(),
                assignmentId: patient.assignmentId,
                date: day,
                completed: "yes",
                sets: "3",
                reps: "12",
                painDuring: String(round % 4),
                effort: "AS_INTENDED",
              },
            },
      );
    }
  }
  return writes;
}

export async function measureMorningPeak(
  target: DatabaseTarget,
  env: Record<string, string>,
): Promise<{ http: PeakResult; direct: PeakResult }> {
  const db = await openDatabase(target);
  const prisma = createPrismaClient(db);
  const server = new AppServer(PORT, env);
  try {
    const [directGroup, httpGroup] = await peakPatients(prisma);
    const day = isoDate(today(directGroup[0]!.timeZone));
    const direct = await writeDirectly(prisma, morningWrites(directGroup, day));
    await server.start();
    const httpWrites = morningWrites(httpGroup, day);
    const http = await writeThroughHttp(server.baseURL, httpWrites);
    await server.stop();
    // Each session answered as saved is stored, once: found by the client ids the load sent.
    const clientIds = httpWrites.flatMap((write) => (write.kind === "session" ? [write.values.clientId!] : []));
    const stored = await prisma.sessionLog.count({ where: { clientId: { in: clientIds } } });
    if (stored !== clientIds.length)
      throw new Error(`${stored} of the ${clientIds.length} sessions sent through HTTP are stored.`);
    return { http, direct };
  } finally {
    await server.stop();
    await prisma.$disconnect();
    await db.close();
  }
}

/**
 * Two groups of the benchmark clinic's patients with an open episode and an active HSR
 * program, each with a portal account (made the first time, with the benchmark's password).
 */
async function peakPatients(prisma: Db): Promise<[PeakPatient[], PeakPatient[]]> {
  const clinic = await prisma.clinic.findFirst({ where: { name: BENCH_CLINIC } });
  if (!clinic) throw new UsageError("No benchmark clinic in this database: run npm run bench:seed first.");
  const wanted = 2 * PEAK.patients;
  const email = (i: number) => `peak${i}@bench.test`;
  const patients = await prisma.patient.findMany({
    where: {
      clinicId: clinic.id,
      OR: [{ portalUserId: null }, { portalUser: { email: { startsWith: "peak" } } }],
      currentEpisode: {
        status: "ACTIVE",
        assignments: { some: { status: "ACTIVE", kind: "HSR", startDate: { lte: today(clinic.timeZone) } } },
      },
    },
    select: {
      id: true,
      portalUser: { select: { id: true, email: true } },
      currentEpisode: { select: { assignments: { where: { status: "ACTIVE", kind: "HSR" }, select: { id: true } } } },
    },
    orderBy: { id: "asc" },
    take: wanted,
  });
  if (patients.length < wanted)
    throw new UsageError(
      `The benchmark clinic has only ${patients.length} patients who could log a session; ${wanted} are needed.`,
    );
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const group: PeakPatient[] = [];
  for (const [i, patient] of patients.entries()) {
    let user = patient.portalUser;
    if (!user) {
      user = await prisma.user.upsert({
        where: { email: email(i) },
        create: { clinicId: clinic.id, role: "PATIENT", name: `Peak Patient ${i}`, email: email(i), passwordHash },
        update: {},
        select: { id: true, email: true },
      });
      await prisma.patient.update({ where: { id: patient.id }, data: { portalUserId: user.id } });
    }
    group.push({
      email: user.email,
      userId: user.id,
      clinicId: clinic.id,
      timeZone: clinic.timeZone,
      assignmentId: patient.currentEpisode!.assignments[0]!.id,
    });
  }
  return [group.slice(0, PEAK.patients), group.slice(PEAK.patients)];
}

/** The same services the portal's actions call, PEAK.concurrent at a time, in this process. */
async function writeDirectly(prisma: Db, writes: Write[]): Promise<PeakResult> {
  const actorOf = (patient: PeakPatient): Actor => ({
    userId: patient.userId,
    clinicId: patient.clinicId,
    role: "PATIENT",
    name: "",
    email: patient.email,
    locale: "da",
    timeZone: patient.timeZone,
    ip: null,
  });
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < writes.length) {
      const write = writes[next++]!;
      const t0 = performance.now();
      const result = await (write.kind === "pain" ? logMorningPain : logSession)(
        prisma,
        actorOf(write.patient),
        write.values,
        today(write.patient.timeZone),
      );
      if (result.status === "invalid")
        throw new Error(`A direct ${write.kind} write was refused: ${JSON.stringify(result.fieldErrors)}`);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: PEAK.concurrent }, worker));
  return summary(latencies, performance.now() - started);
}

/**
 * The writes as the portal's forms send them, PEAK.concurrent connections at once, each write
 * checked: a write counts only when the server answered that it was saved.
 */
async function writeThroughHttp(baseURL: string, writes: Write[]): Promise<PeakResult> {
  const cookies = new Map<string, string>();
  for (const patient of new Set(writes.map((w) => w.patient)))
    cookies.set(patient.email, await signIn(baseURL, patient.email, BENCH_PASSWORD));
  const ids = {
    pain: actionId("app/actions/portal.ts", "logMorningPainAction"),
    session: actionId("app/actions/portal.ts", "logSessionAction"),
  };
  const requests = await Promise.all(
    writes.map(async (write) => {
      const { body, contentType } = await encodeActionBody([write.values]);
      return {
        write,
        headers: {
          cookie: cookies.get(write.patient.email)!,
          origin: baseURL,
          "next-action": ids[write.kind],
          "content-type": contentType,
        },
        body: typeof body === "string" ? body : Buffer.from(body),
      };
    }),
  );
  let next = 0;
  let acknowledged = 0;
  const result = await autocannon({
    url: `${baseURL}/portal`,
    connections: PEAK.concurrent,
    amount: requests.length,
    timeout: 60,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const chosen = requests[next++ % requests.length]!;
          return { ...request, headers: chosen.headers, body: chosen.body };
        },
        onResponse: (status, body) => {
          // The action's value is row 1 of its answer: what was stored, or why not.
          const row = body.split("\n").find((line) => line.startsWith("1:"));
          const answer =
            row && !row.startsWith("1:E") ? (JSON.parse(row.slice(2)) as PortalLogAnswer<unknown> | null) : null;
          if (status === 200 && answer?.status === "saved") acknowledged += 1;
        },
      },
    ],
  });
  if (result.errors > 0 || result.non2xx > 0 || acknowledged !== requests.length) {
    throw new Error(
      `Of ${requests.length} writes through HTTP, ${acknowledged} were saved (${result.errors} errors, ${result.non2xx} answers other than 2xx).`,
    );
  }
  return {
    writes: acknowledged,
    perSecond: round(acknowledged / (result.duration || 1)),
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

function summary(latencies: number[], elapsedMs: number): PeakResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => round(sorted[Math.ceil(p * sorted.length) - 1]!);
  return {
    writes: latencies.length,
    perSecond: round(latencies.length / (elapsedMs / 1000)),
    p50: at(0.5),
    p99: at(0.99),
  };
}

const round = (value: number) => Math.round(value * 10) / 10;
