// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
  {
    // The domain never knows the bot framework or the HTTP server (DESIGN.md).
    files: ['src/**/*.ts', 'cards/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['botbuilder*', 'botframework-*', 'restify'], message: 'Only bot/ may import botbuilder or restify.' }] }],
    },
  },
  {
    // Cards are pure functions of a view model: they may import the model *types* from src/, nothing else.
    files: ['cards/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [
        { group: ['botbuilder*', 'botframework-*', 'restify'], message: 'Only bot/ may import botbuilder or restify.' },
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
