import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import simpleImportSort from "eslint-plugin-simple-import-sort";

const config = [
  {
    ignores: [
      "public/sw.js",
      ".next/**",
      "lib/generated/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  ...nextVitals,
  ...nextTypeScript,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // An unawaited promise loses its error; in a clinical app that can be a lost write.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/consistent-type-imports": "error",
      // A new value of a union (a flag code, a plan status) must be handled wherever it is switched on.
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    // One import order everywhere, fixed by `npm run format`.
    plugins: { "simple-import-sort": simpleImportSort },
    rules: { "simple-import-sort/imports": "error", "simple-import-sort/exports": "error" },
  },
  // Layout is Prettier's (npm run format); ESLint keeps to what it finds wrong.
  prettier,
  {
    // Playwright's fixtures hand over their value with a function named `use`; there is no React here.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // The app reads its settings through lib/env.ts only, where they are validated.
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/env.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read settings through lib/env.ts." },
      ],
    },
  },
  {
    // Pages, actions and route handlers reach data through the services in lib/, which
    // scope every query to the actor's clinic and role.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              // The generated enums are plain constants; the client itself is not.
              group: [
                "@/lib/generated/prisma/*",
                "!@/lib/generated/prisma/enums",
                "@prisma/*",
                "pg",
                "@electric-sql/*",
              ],
              message: "Use a service in lib/ instead.",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
];

export default config;
