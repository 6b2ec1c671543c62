// The one place that reads process.env. Parsed and validated once, at start-up
// (instrumentation.ts register(), and each command as it starts), so that a bad setting stops
// the app with a message naming the variable; afterwards `env()` answers from memory. Pages and
// components never read it (eslint.config.mjs): they ask a service (the mail server in
// lib/server/email, the push key in lib/server/reminders, the backup folder in lib/platform/backup). Nothing here is
// exposed to the browser.
import { z } from "zod";

import { DATA_KEY_FORMAT, decodeDataKey } from "./cpr/data-key-text";

const emptyAsUnset = (value: unknown) => (value === "" ? undefined : value);
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

const ZSettings = z.object({
  DATABASE_URL: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
  ),
  /**
   * A PostgreSQL streaming replica of DATABASE_URL's server (decision record 035): the clinic
   * report, the caseload, the exports and the audit log read from it while it keeps up.
   */
  DATABASE_REPLICA_URL: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
  ),
  DATA_DIR: z.preprocess(emptyAsUnset, z.string().default("./data")),
  PORT: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(65535).default(3000)),
  /** The address the server listens on, e.g. 127.0.0.1 for this machine only. Unset: every interface, IPv4 and IPv6. */
  HOST: z.preprocess(emptyAsUnset, z.string().optional()),
  /** How many proxies of ours stand in front (lib/platform/http/client-address.ts): unset trusts no X-Forwarded-For. */
  TRUST_PROXY: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .regex(/^(true|false|[0-9])$/, "must be true, false or a number of proxies (0-9)")
      .optional(),
  ),
  /** The app's public address (set by `npm start`); invitation links are built on it. */
  NEXTAUTH_URL: z.preprocess(emptyAsUnset, z.url("must be a URL").optional()),
  /** Where e-mail goes (smtp:// or smtps://, with user and password in the URL). Unset: the outbox at /admin/outbox. */
  SMTP_URL: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
      .optional(),
  ),
  /** The sender of the app's e-mail. */
  MAIL_FROM: z.preprocess(emptyAsUnset, z.string().default("Hælsporeforløb <no-reply@localhost>")),
  /** Where the running app writes its daily backup (lib/platform/backup). Unset: a folder "backups" in DATA_DIR. */
  BACKUP_DIR: z.preprocess(emptyAsUnset, z.string().optional()),
  /** How many days the daily backups are kept (SPEC §9). */
  BACKUP_KEEP_DAYS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(3650).default(14)),
  /** How much the server logs (lib/platform/log/logger.ts): "info" is a line per request. */
  LOG_LEVEL: z.preprocess(emptyAsUnset, z.enum(["fatal", "error", "warn", "info", "debug", "silent"]).default("info")),
  /** 32 bytes in base64 that encrypt CPR numbers (lib/platform/cpr/data-key.ts); generated into DATA_DIR on the embedded default. */
  DATA_ENCRYPTION_KEY: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .refine((text) => decodeDataKey(text) !== null, DATA_KEY_FORMAT)
      .optional(),
  ),
  /** The VAPID key pair that signs web push reminders (lib/server/reminders/vapid-key-file.ts); generated into DATA_DIR on the embedded default. */
  VAPID_PUBLIC_KEY: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{87}$/, "must be a VAPID public key (base64url, 65 bytes)")
      .optional(),
  ),
  VAPID_PRIVATE_KEY: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{43}$/, "must be a VAPID private key (base64url, 32 bytes)")
      .optional(),
  ),
  NEXTAUTH_SECRET: z.preprocess(emptyAsUnset, z.string().min(32, "must be at least 32 characters").optional()),
  /**
   * MitID for patients through an OpenID Connect broker (SPEC §12; lib/platform/auth/mitid): the
   * broker's issuer, the client it registered for the clinic, and the claim that carries the CPR
   * number. All four or none; none keeps the portal on passwords only.
   */
  OIDC_ISSUER: z.preprocess(
    emptyAsUnset,
    z
      .url("must be a URL")
      .refine(
        (text) => new URL(text).protocol === "https:" || LOOPBACK.has(new URL(text).hostname),
        "must be an https:// URL (http:// only on this machine, for tests)",
      )
      .optional(),
  ),
  OIDC_CLIENT_ID: z.preprocess(emptyAsUnset, z.string().optional()),
  OIDC_CLIENT_SECRET: z.preprocess(emptyAsUnset, z.string().optional()),
  /** `cprNumberIdentifier` at Idura (Criipto), `nin` at Signicat. */
  OIDC_CPR_CLAIM: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,100}$/, "must be a claim name")
      .optional(),
  ),
  /** The scopes to ask for, as the broker releases the CPR number: e.g. "openid ssn" at Idura, "openid nin" at Signicat. */
  OIDC_SCOPE: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .regex(/^openid( [\w:./-]+)*$/, 'must start with "openid", the scopes separated by one space')
      .optional(),
  ),
});

const ZEnv = ZSettings.superRefine((settings, context) => {
  // A replica follows a PostgreSQL server; the embedded database has none.
  if (settings.DATABASE_REPLICA_URL && !settings.DATABASE_URL)
    context.addIssue({
      code: "custom",
      path: ["DATABASE_REPLICA_URL"],
      message: "needs DATABASE_URL: a replica follows a PostgreSQL server",
    });
  if (settings.DATABASE_REPLICA_URL && settings.DATABASE_REPLICA_URL === settings.DATABASE_URL)
    context.addIssue({
      code: "custom",
      path: ["DATABASE_REPLICA_URL"],
      message: "must name the replica, not the primary (DATABASE_URL)",
    });
  const mitid = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_CPR_CLAIM"] as const;
  const set = mitid.filter((name) => settings[name] !== undefined);
  if (set.length > 0 && set.length < mitid.length)
    for (const name of mitid.filter((name) => settings[name] === undefined))
      context.addIssue({
        code: "custom",
        path: [name],
        message: `must be set with ${set.join(", ")} (MitID needs all four)`,
      });
});

export type TEnv = z.infer<typeof ZEnv>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses and validates `source`: pure, for tests and for a command that prepares another process's settings. */
export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Invalid configuration. ${problems.join("; ")}`);
  }
  return parsed.data;
}

let current: TEnv | undefined;

/** This process's settings, parsed from process.env at the first call and kept. Throws EnvError when one is malformed. */
export function env(): TEnv {
  current ??= parseEnv(process.env);
  return current;
}

/**
 * DATA_ENCRYPTION_KEY as process.env holds it now. Unlike the other settings it may be set by
 * the process itself after start: `npm start`, the commands and the tests generate or read the
 * embedded default's key (lib/platform/cpr/data-key-file.ts) and put it there before the first CPR
 * number is read. Its format is checked where it is used (lib/platform/cpr/current-data-key.ts).
 */
export function dataKeyText(): string | undefined {
  return process.env.DATA_ENCRYPTION_KEY || undefined;
}
