// What Astro's process tells tools/build.ts while it builds, over the IPC channel the build script opens for it
// (none in a plain `astro build`). The build script draws the social cards beside Astro (tools/cards.ts), but only
// once Astro has bundled the pages: bundling some 10,000 content modules is when Astro holds the most memory (some
// 1.9 GB at 1,000 briefings), and the card drawer's 300 MB beside it would raise the build's peak by as much.
import type { Plugin } from 'vite';

export const BUNDLED = 'reader:bundled';

/** Vite's last hook of the prerender environment's build: the bundle is written and let go. */
export const announceBundled: Plugin = {
  name: 'reader:announce-bundled',
  apply: 'build',
  closeBundle() {
    if (this.environment?.name === 'prerender' && process.send) process.send(BUNDLED, () => process.disconnect());
  },
};
