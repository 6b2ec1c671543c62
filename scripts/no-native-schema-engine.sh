#!/bin/sh
# Prisma's CLI wants a native schema-engine binary, which cannot be downloaded on
# offline clinic servers. `prisma generate` only needs the path to exist; it never runs it.
# Migrations go through the project's own WASM-based command instead.
echo "The native Prisma schema engine is not used in this project. Use 'npm run db:migrate' or 'npm run db:migration:new -- NAME'." >&2
exit 1
