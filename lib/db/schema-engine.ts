// Loads Prisma's schema engine compiled to WebAssembly. The package is a wasm-bindgen
// "bundler" build that Node's ESM loader cannot import directly, so we instantiate the
// .wasm ourselves (see docs/decisions/001-database-and-migrations.md).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
// Only the "bg" half: the package's main file imports the .wasm, which Node cannot load.
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";

let initialised: Promise<void> | undefined;

function initialiseWasm(): Promise<void> {
  initialised ??= (async () => {
    const require = createRequire(import.meta.url);
    const packageDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const wasmPath = path.join(packageDir, "schema_engine_bg.wasm");
    const wasmModule = new WebAssembly.Module(await readFile(wasmPath));
    const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return initialised;
}

export type SchemaFile = { path: string; content: string };

export async function createSchemaEngine(
  schema: SchemaFile,
  factory: SqlMigrationAwareDriverAdapterFactory,
): Promise<SchemaEngine> {
  await initialiseWasm();
  // The engine logs JSON lines about its progress; they are noise for our users.
  const ignoreLog = () => {};
  return bg.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    ignoreLog,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
}
