// ESLint 9 flat config, used by `npm run lint` (= `office-addin-lint check`).
//
// office-addin-lint runs ESLint with `-c eslint.config.mjs` when this file is in
// the project root (otherwise with its own built-in config), on the files
// `src/**/*.{ts,tsx,js,jsx}` (its default; package.json "config.lint_files"
// could change it).
//
// Why this file does not simply spread `officeAddins.configs.recommended`:
//  - that config registers its own copy of @typescript-eslint (8.8) and only
//    matches *.ts, not *.tsx, so the task pane's components would go unlinted,
//    and adding typescript-eslint's configs next to it fails with "Cannot
//    redefine plugin @typescript-eslint";
//  - it makes `prettier/prettier` an error, i.e. every line not formatted by
//    Prettier fails the lint. The team's code is not Prettier-formatted, and
//    `lint:fix` would then rewrite files that others are editing. Formatting
//    is therefore not a lint failure here: .prettierrc (printWidth 120) holds
//    the style, and `npm run prettier` applies it when the team chooses to.
// So we take the Office rules (load-object-before-read, call-sync-after-load,
// call-sync-before-read, test-for-null-using-isNullObject, ...) from the
// plugin's recommended config, with the severities it gives them, and apply
// them to every source file, next to typescript-eslint's recommended rules.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import react from "eslint-plugin-react";

/** The office-addins/* rules of the plugin's recommended config, at its severities. */
const officeRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((config) => Object.entries(config.rules ?? {}))
    .filter(([name]) => name.startsWith("office-addins/"))
);

/**
 * The dependency rule (docs/architecture.md): src/core imports nothing outside itself (no library,
 * no Node built-in, no shell folder), and enters another stage only through its index.ts; the
 * shells enter the core only through the stages' doors. scripts/check-structure.js proves these
 * rules fail on a file that breaks them.
 */
export const CORE_IMPORTS = {
  patterns: [
    { regex: "^[^.]", message: "src/core is pure TypeScript: it imports no library and no Node built-in (docs/architecture.md)." },
    { regex: "^\\.\\./\\.\\./", message: "src/core imports nothing outside itself: no shell folder (docs/architecture.md)." },
    { regex: "^\\.\\./[^./][^/]*/", message: "Enter another stage of the core through its index.ts (\"../read\", not \"../read/reader\")." },
  ],
};
/**
 * The core is functions and plain data: state is an object literal, made in one place. A class
 * instance's shape (its fields) dies with its last instance at a full garbage collection, and the
 * optimised code of every function that read it is thrown away with it (docs/performance.md,
 * "Shapes that outlive a garbage collection"). Errors may still be classes.
 */
export const CORE_SYNTAX = [
  {
    selector: "ClassDeclaration:not([superClass.name='Error']), ClassExpression:not([superClass.name='Error'])",
    message: "src/core keeps state in object literals, not class instances (docs/performance.md, \"Shapes that outlive a garbage collection\").",
  },
];
export const SHELL_IMPORTS = {
  patterns: [{ regex: "(^|/)core/[^/]+/", message: "Enter the core through a stage's index.ts (\"../core/read\", not \"../core/read/reader\")." }],
};

export default tseslint.config(
  {
    ignores: ["dist/**", "build/**", "node_modules/**", "coverage/**", ".tmp/**"],
  },
  {
    files: ["src/**/*.{ts,tsx,js,jsx}"],
    extends: [js.configs.recommended],
    plugins: { "office-addins": officeAddins },
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
      globals: {
        Office: "readonly",
        Excel: "readonly",
        OfficeExtension: "readonly",
      },
    },
    rules: {
      ...officeRules,
      "no-eval": "error",
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    extends: [tseslint.configs.recommended],
    rules: {
      // TypeScript itself reports undefined names (and knows the DOM and Node
      // globals); typescript-eslint advises turning no-undef off for TS files.
      "no-undef": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: { "no-restricted-imports": ["error", CORE_IMPORTS], "no-restricted-syntax": ["error", ...CORE_SYNTAX] },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/core/**"],
    rules: { "no-restricted-imports": ["error", SHELL_IMPORTS] },
  },
  {
    files: ["src/**/*.{tsx,jsx}"],
    extends: [react.configs.flat.recommended, react.configs.flat["jsx-runtime"]],
    settings: { react: { version: "detect" } },
    rules: {
      // Props are typed by TypeScript.
      "react/prop-types": "off",
      // An apostrophe in JSX text ("sheet's") is harmless; ">" and "}" are likely typos.
      "react/no-unescaped-entities": ["error", { forbid: [">", "}"] }],
    },
  }
);
