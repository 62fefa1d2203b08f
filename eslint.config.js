// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Only bot/ may import the bot framework and the HTTP server. */
const FRAMEWORK = { group: ['botbuilder*', 'botframework-*', 'restify'], message: 'Only bot/ may import botbuilder or restify.' };
/** src/ is the domain: bot/, cards/ and manifest/ build on it, never the other way round. */
const LAYERS = { group: ['**/bot/**', '**/cards/**', '**/manifest/**'], message: 'src/ imports nothing from bot/, cards/ or manifest/ (not even types).' };

export default tseslint.config(
  { ignores: ['node_modules/**', 'src/db/generated/**', 'data/**', 'manifest/build/**', 'tab/vendor/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  // Import rules (test/architecture.test.ts checks the same, also dynamic import() and import('…') types).
  // In flat config a later block's `no-restricted-imports` replaces an earlier one for the same files, so every
  // block below repeats the patterns that apply to its files.
  {
    // The domain never knows the bot framework or the HTTP server, nor the layers built on it (bot/, cards/,
    // manifest/ import src/, never the other way round), not even type-only.
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [FRAMEWORK, LAYERS] }] },
  },
  {
    // Kundenabgabe and conduct reports are separate domains: what both need lives outside either.
    files: ['src/handover/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [FRAMEWORK, LAYERS, { group: ['**/conduct/**'], message: 'src/handover/ imports nothing from src/conduct/.' }] }] },
  },
  {
    files: ['src/conduct/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [FRAMEWORK, LAYERS, { group: ['**/handover/**'], message: 'src/conduct/ imports nothing from src/handover/.' }] }] },
  },
  {
    // Cards are pure functions of a view model: they may import the model *types* from src/, nothing else.
    files: ['cards/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [
        FRAMEWORK,
        { group: ['**/src/**'], allowTypeImports: true, message: 'Cards are pure functions of a view model: import only types from src/.' },
      ] }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.mjs', 'src/cli/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: { 'no-console': 'off' },
  },
);
