// The Chromium the end-to-end tests drive (Playwright cannot download its own browser on these
// machines; see TOOLCHAIN). Found from CHROMIUM_PATH, else on the PATH.
import { accessSync, constants } from "node:fs";
import path from "node:path";

const NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

const isExecutable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** CHROMIUM_PATH when it is set (executable or not: the caller says which), else the first Chromium on the PATH. */
export function findChromium(): { path: string; fromEnv: boolean } | null {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) return { path: explicit, fromEnv: true };
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    for (const name of NAMES) {
      const candidate = path.join(dir, name);
      if (isExecutable(candidate)) return { path: candidate, fromEnv: false };
    }
  }
  return null;
}

export { isExecutable };
