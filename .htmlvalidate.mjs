// html-validate's rules for every built page (tests/build/static-checks.test.ts).
// Every rule turned off or relaxed says why in one line.
import { defineConfig } from 'html-validate';

export default defineConfig({
  root: true,
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: {
    // A section's title is "<section> · <the source's own headline> · <site>": shortening it would misquote the source.
    'long-title': 'off',
    // Every asset is same-origin (a build test forbids third-party hosts), where SRI adds nothing; cross-origin ones still need it.
    'require-sri': ['error', { target: 'crossorigin' }],
  },
});
