// The entry points of app/ as their source declares them: every page (page()), server action
// (formAction, commandAction, callAction) and route handler (route()), with the access it
// states. Read from the files, so a new entry point is in the matrix without editing it, and
// one that is not declared through a wrapper fails the test. Whitespace between the fields is
// Prettier's to choose.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type Declared = { kind: "page" | "action" | "route"; file: string; name: string; access: string };

const files = (pattern: RegExp) =>
  readdirSync("app", { recursive: true, encoding: "utf8" })
    .filter((name) => pattern.test(name))
    .map((name) => path.join("app", name));

/** A page's URL pattern as its declaration names it: app/(clinic)/flags/[id]/page.tsx → /flags/[id]. */
export function routePattern(file: string): string {
  const segments = file
    .replace(/^app\//, "")
    .replace(/\/?(page|route)\.tsx?$/, "")
    .split("/")
    .filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

export function declaredEntryPoints(): Declared[] {
  const declared: Declared[] = [];
  for (const file of files(/(^|\/)page\.tsx$/)) {
    const match = /export default page\(\s*\{\s*name: "([^"]+)",\s*access: "([^"]+)"/.exec(readFileSync(file, "utf8"));
    if (!match)
      throw new Error(`${file} does not declare its page through page() (lib/platform/entry-points/page.server.ts)`);
    if (match[1] !== routePattern(file))
      throw new Error(`${file} is declared as ${match[1]}, not ${routePattern(file)}`);
    declared.push({ kind: "page", file, name: match[1]!, access: match[2]! });
  }
  for (const file of files(/(^|\/)route\.ts$/)) {
    const match = /= route\(\s*\{\s*name: "([^"]+)",\s*access: "([^"]+)"/.exec(readFileSync(file, "utf8"));
    if (!match)
      throw new Error(
        `${file} does not declare its handler through route() (lib/platform/entry-points/route.server.ts)`,
      );
    declared.push({ kind: "route", file, name: match[1]!, access: match[2]! });
  }
  for (const file of readdirSync("app/actions").map((name) => path.join("app/actions", name))) {
    const source = readFileSync(file, "utf8");
    const actions = [
      ...source.matchAll(
        /export const (\w+) = (?:formAction|commandAction|callAction)\(\s*\{\s*name: "[^"]+",\s*access: "([^"]+)"/g,
      ),
    ];
    const exported = [...source.matchAll(/^export (?:async function|function|const|let) (\w+)/gm)].map((m) => m[1]!);
    const undeclared = exported.filter((name) => !actions.some((m) => m[1] === name));
    if (undeclared.length > 0)
      throw new Error(
        `${file} exports ${undeclared.join(", ")} without an action wrapper (lib/platform/entry-points/action.server.ts)`,
      );
    for (const [, name, access] of actions) declared.push({ kind: "action", file, name: name!, access: access! });
  }
  return declared;
}
