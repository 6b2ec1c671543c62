import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import simpleImportSort from "eslint-plugin-simple-import-sort";

/** What app/ and components/ may not import: the database client and drivers (the services in lib/ scope every query). */
const SERVICES_ONLY = {
  // The generated enums are plain constants; the client itself is not.
  group: ["@/lib/generated/prisma/*", "!@/lib/generated/prisma/enums", "@prisma/*", "pg", "@electric-sql/*"],
  message: "Use a service in lib/ instead.",
  allowTypeImports: true,
};

/** Imports of these layers of lib/, by alias or by relative path. */
const layers = (...names) => ({
  regex: `(^@/lib/|^(\\.\\./)+|^\\./)(${names.join("|")})(/|$)`,
  message: `This layer of lib/ may not import lib/${names.length > 1 ? `{${names.join(",")}}` : names[0]} (README, "Layers").`,
});

/** Nothing in lib/ reaches up into the pages or the components that call it. */
const NOT_UP_INTO_APP = {
  regex: "^(@/|(\\.\\./)+)(app|components)(/|$)",
  message: "lib/ is called by app/ and components/, never the other way.",
};

const KERNEL_ONLY = [
  layers("platform", "server", "present"),
  {
    group: ["next", "next/*", "react", "react-dom", "@prisma/*", "pg", "@electric-sql/*"],
    message: "The clinical kernel takes plain values; load and present them outside lib/clinical.",
  },
  {
    group: ["**/generated/prisma/*", "!**/generated/prisma/enums"],
    message: "The clinical kernel takes plain values; load and present them outside lib/clinical.",
  },
];

const SETTINGS_FROM_SERVICES = {
  // The settings are parsed once at start (lib/platform/env.ts); a page or component asks the service
  // that owns one (lib/server/email/mail-server.ts, lib/server/reminders/reminder-delivery.ts,
  // lib/platform/backup/backup-settings.ts) instead of reading them.
  group: ["@/lib/env", "**/lib/env", "**/lib/env.ts"],
  message: "Pages and components do not read the environment: ask the service that owns the setting.",
};

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
    // The import graph has no circle (issue 44): a module never depends on itself through others.
    files: ["app/**", "components/**", "lib/**"],
    settings: { "import/ignore": ["node_modules", "lib/generated"] },
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    // One import order everywhere, fixed by `npm run format`.
    plugins: { "simple-import-sort": simpleImportSort },
    rules: { "simple-import-sort/imports": "error", "simple-import-sort/exports": "error" },
  },
  // Layout is Prettier's (npm run format); ESLint keeps to what it finds wrong.
  prettier,
  // The layers of lib/ and who may import whom (issue 44; README, "Layers"). Each file falls
  // under one of these entries: a second no-restricted-imports entry for a file would replace
  // the first, not add to it.
  {
    // The clinical kernel: plain TypeScript over plain values, so the caseload, the rules, the
    // charts and the report share it and a test needs no database. It imports nothing but
    // itself, zod and the generated enums (plain constants).
    files: ["lib/clinical/**"],
    ignores: ["lib/clinical/**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [...KERNEL_ONLY, NOT_UP_INTO_APP] }] },
  },
  {
    // A kernel test may read the catalogs, to check that what the kernel gives has its words.
    files: ["lib/clinical/**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [layers("platform", "server"), NOT_UP_INTO_APP] }] },
  },
  {
    // Presentation (catalogs, formatters, presenters) shapes what services answer: their types only.
    files: ["lib/present/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ ...layers("server"), allowTypeImports: true }, NOT_UP_INTO_APP] },
      ],
    },
  },
  {
    // The platform (database, sign-in, entry points, HTTP, log, settings, jobs) serves the
    // services and never calls them; only the job registry names the services' jobs.
    files: ["lib/platform/**"],
    ignores: ["lib/platform/jobs/registry.server.ts", "lib/platform/jobs/jobs.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [layers("server"), NOT_UP_INTO_APP] }] },
  },
  {
    files: ["lib/server/**", "lib/platform/jobs/registry.server.ts", "lib/platform/jobs/jobs.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [NOT_UP_INTO_APP] }] },
  },
  {
    // Playwright's fixtures hand over their value with a function named `use`; there is no React here.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // The app reads its settings through lib/platform/env.ts only, where they are validated.
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/platform/env.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read settings through lib/platform/env.ts." },
      ],
    },
  },
  {
    // Pages, actions and route handlers reach data through the services in lib/, which
    // scope every query to the actor's clinic and role.
    files: ["app/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [SERVICES_ONLY, SETTINGS_FROM_SERVICES] }] },
  },
  {
    // The same for components; and a component never imports app/ (issue 44): the page or
    // layout that renders it imports the server action and passes it as a prop
    // (components/action-types.ts), and types both sides share live in lib/. One
    // no-restricted-imports per file, so both walls are in this entry.
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            SERVICES_ONLY,
            {
              regex: "^(@/|(\\.\\./)+)app(/|$)",
              message:
                "Components do not import app/: take the server action as a prop from the page or layout, and shared types from lib/.",
            },
            SETTINGS_FROM_SERVICES,
          ],
        },
      ],
    },
  },
  {
    // One way for text to reach a component (decision record 027): a server component reads
    // `await getRequestMessages()`, a client component `useMessages()`; none takes its words
    // as a `messages` or `text` prop, and no page cuts a slice of the catalog for one. Data
    // props (values, ids, server actions) stay. Plain functions in lib/ and the presenters
    // beside components (e-mail, PDF and handout builders, describe-*, *-props.ts) are not
    // components and may still take a `Messages` argument.
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "JSXAttribute[name.name=/^(messages|text)$/]",
          message:
            "Components read their own text: useMessages() in a client component, await getRequestMessages() in a server component (decision record 027).",
        },
        {
          // A component (a capitalised function) destructuring a messages/text prop, or declaring one in its props' type.
          selector:
            ":matches(FunctionDeclaration[id.name=/^[A-Z]/], VariableDeclarator[id.name=/^[A-Z]/] > ArrowFunctionExpression) > ObjectPattern.params :matches(Property[key.name=/^(messages|text)$/], TSPropertySignature[key.name=/^(messages|text)$/])",
          message:
            "No component takes its text as a prop: read it with useMessages() (client) or await getRequestMessages() (server) (decision record 027).",
        },
        {
          selector:
            ":matches(TSTypeAliasDeclaration, TSInterfaceDeclaration)[id.name=/Props$/] TSPropertySignature[key.name=/^(messages|text)$/]",
          message:
            "No component takes its text as a prop: read it with useMessages() (client) or await getRequestMessages() (server) (decision record 027).",
        },
      ],
    },
  },
];

export default config;
