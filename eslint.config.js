// ESLint flat config: JavaScript and TypeScript recommended rules, Astro's rules for .astro files.
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

export default defineConfig(
  {
    ignores: [
      'dist/',
      '.scratch/',
      '.cache/',
      '.astro/',
      'bench-results/',
      'screenshots/',
      'node_modules/',
      'bench/starlight/node_modules/',
      'bench/starlight/.astro/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_`-prefixed names mark parameters kept for their position in a signature.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
