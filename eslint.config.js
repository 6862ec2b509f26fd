import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "src/db/generated/", ".data/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Plain JavaScript files (scripts/) run on node.
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: {
      globals: { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly" },
    },
  },
  {
    // The explorer's modules run in the browser.
    files: ["src/web/**/*.js"],
    languageOptions: {
      globals: {
        window: "readonly", document: "readonly", history: "readonly", location: "readonly", localStorage: "readonly", fetch: "readonly",
        URL: "readonly", URLSearchParams: "readonly", FormData: "readonly", Node: "readonly", Element: "readonly", ResizeObserver: "readonly",
      },
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
);
