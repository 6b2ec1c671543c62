// npm run user:create -- --email E --name N --role ADMIN|CLINICIAN|PATIENT --clinic "Clinic name"
// Creates a real user, so production needs no demo data. The password comes from
// USER_PASSWORD or, when unset, from a prompt that does not echo it. A clinic that does not
// exist yet is created with --new-clinic.
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";

import { createPrismaClient } from "../lib/platform/db/client";
import { databaseTargetFromEnv, openDatabase } from "../lib/platform/db/database";
import { env } from "../lib/platform/env";
import { seedDefaultTemplates } from "../lib/server/programs/templates";
import { createClinic } from "../lib/server/seed/builders";
import { createUserAccount, MIN_PASSWORD_LENGTH } from "../lib/server/users/create-user-account";
import { runCli, UsageError } from "./cli";

const USAGE =
  'Usage: npm run user:create -- --email E --name "Full Name" --role ADMIN|CLINICIAN|PATIENT --clinic "Clinic name" [--new-clinic]';

runCli(async () => {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      clinic: { type: "string" },
      "new-clinic": { type: "boolean", default: false },
    },
  });
  const clinicName = values.clinic?.trim() ?? "";
  if (!clinicName) throw new UsageError(USAGE);

  const db = await openDatabase(databaseTargetFromEnv(env()));
  const prisma = createPrismaClient(db);
  try {
    let clinic = await prisma.clinic.findFirst({ where: { name: clinicName } });
    if (!clinic && !values["new-clinic"]) {
      throw new UsageError(`No clinic is named "${clinicName}". Add --new-clinic to create it.`);
    }
    const password =
      process.env.USER_PASSWORD ?? (await promptHidden(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `));
    const input = {
      email: values.email ?? "",
      name: values.name ?? "",
      role: values.role?.toUpperCase() ?? "",
      password,
    };
    const result = await prisma
      .$transaction(async (tx) => {
        if (!clinic) {
          clinic = await createClinic(tx, { name: clinicName });
          await seedDefaultTemplates(tx, clinic.id);
        }
        const created = await createUserAccount(tx, { ...input, clinicId: clinic.id });
        // Roll back a clinic created for a user that could not be created.
        if (!created.ok) throw new InvalidUser(created.fieldErrors);
        return created.user;
      })
      .catch((error: unknown) => {
        if (error instanceof InvalidUser) throw new UsageError(`${error.message}\n${USAGE}`);
        throw error;
      });
    console.log(`Created ${result.role} ${result.email} in clinic "${clinicName}".`);
  } finally {
    await prisma.$disconnect();
    await db.close();
  }
});

class InvalidUser extends Error {
  constructor(fieldErrors: Record<string, string[] | undefined>) {
    super(
      Object.entries(fieldErrors)
        .map(([field, errors]) => `--${field === "clinicId" ? "clinic" : field}: ${errors?.join(", ")}`)
        .join("\n"),
    );
  }
}

function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    return Promise.reject(new UsageError("Set USER_PASSWORD, or run this in a terminal to be asked for the password."));
  }
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput.bind(rl);
    let asked = false;
    (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = (text) => {
      // Print the question, then nothing of what is typed.
      if (!asked) write(text);
      asked = true;
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}
