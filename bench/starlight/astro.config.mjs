// Astro Starlight with its defaults (Pagefind's default UI for search), for the comparison in `npm run bench`.
// The docs in src/content/docs/ are generated from our content by tools/bench-starlight.ts.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  // Built into the root project's .cache/, which its type check, linters and git pass by.
  outDir: '../../.cache/bench-starlight',
  integrations: [
    starlight({
      title: 'China steps up foreign interference',
    }),
  ],
});
