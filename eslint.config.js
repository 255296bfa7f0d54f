import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const serverOnly = {
  group: ["**/*.server", "**/*.server.*", "~db/*", "pg", "@electric-sql/pglite", "node:*"],
  message: "Client-safe code may not import server-only modules.",
};
const noTests = { group: ["**/tests/**", "../tests/*"], message: "app/ never imports tests/." };
const noRoutes = { group: ["~/routes/*", "**/routes/*"], message: "Nothing imports a route." };

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "build-*/**",
      "public/build/**",
      "node_modules/**",
      "data/**",
      "test-results/**",
      "playwright-report/**",
      ".cache/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-syntax": ["error", { selector: "CallExpression[callee.name='eval']", message: "No eval." }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/lib/env.server.ts", "app/server.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through ~/lib/env.server." },
      ],
    },
  },
  { files: ["app/**/*.{ts,tsx}"], rules: { "no-restricted-imports": ["error", { patterns: [noTests, noRoutes] }] } },
  {
    files: [
      "app/components/**/*.{ts,tsx}",
      "app/**/*.schema.ts",
      "app/modules/**/evaluate.ts",
      "app/lib/i18n/config.ts",
      "app/lib/i18n/format.ts",
      "app/lib/i18n/negotiate.ts",
    ],
    rules: { "no-restricted-imports": ["error", { patterns: [serverOnly, noTests, noRoutes] }] },
  },
  { files: ["db/migrate.ts"], rules: { "@typescript-eslint/no-explicit-any": "off" } },
  {
    files: ["db/migrations/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["~/*", "~db/*", "../*"], message: "Migrations are frozen: import only kysely." }] },
      ],
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  {
    files: ["db/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["~/*", "**/app/**"], message: "db/ imports nothing from app/." }] },
      ],
    },
  }
);
