// Loads Prisma's schema engine compiled to WebAssembly. The package is a wasm-bindgen
// "bundler" build that Node's ESM loader cannot import directly, so we instantiate the
// .wasm ourselves (see docs/decisions/001-database-and-migrations.md).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
// Only the "bg" half: the package's main file imports the .wasm, which Node cannot load.
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";

// The engine package is loaded once per process, but this module can be loaded more than
// once (test runners load set-up files per project). Its state lives on globalThis so that
// every copy shares one initialisation and one queue.
const shared = globalThis as typeof globalThis & {
  __heelpainSchemaEngine?: { initialised?: Promise<void>; queue: Promise<unknown> };
};
const state = (shared.__heelpainSchemaEngine ??= { queue: Promise.resolve() });

/**
 * The engine reports a Rust panic by calling `global.PRISMA_WASM_PANIC_REGISTRY.set_message`
 * before it aborts; without the registry the panic itself crashes the process unexplained.
 */
const panicRegistry = {
  lastPanic: null as string | null,
  set_message(message: string) {
    panicRegistry.lastPanic = message;
    console.error(`Prisma schema engine panicked: ${message}`);
  },
};

function initialiseWasm(): Promise<void> {
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof panicRegistry }).PRISMA_WASM_PANIC_REGISTRY ??= panicRegistry;
  state.initialised ??= (async () => {
    const require = createRequire(import.meta.url);
    const packageDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const wasmPath = path.join(packageDir, "schema_engine_bg.wasm");
    const wasmModule = new WebAssembly.Module(await readFile(wasmPath));
    const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return state.initialised;
}

export type SchemaFile = { path: string; content: string };

// One WebAssembly instance serves every engine of the process, and two engines working at
// once corrupt its memory; engine work therefore runs one at a time.

/** Runs `work` with a schema engine of its own, after any other engine work has finished. */
export function withSchemaEngine<T>(
  schema: SchemaFile,
  factory: SqlMigrationAwareDriverAdapterFactory,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const run = state.queue.then(async () => {
    await initialiseWasm();
    // The engine logs JSON lines about its progress; they are noise for our users.
    const ignoreLog = () => {};
    const engine = await bg.SchemaEngine.new(
      { datamodels: [[schema.path, schema.content]] },
      ignoreLog,
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    try {
      return await work(engine);
    } finally {
      engine.free();
    }
  });
  state.queue = run.catch(() => {});
  return run;
}
