// What Astro's process and tools/build.ts tell each other while it builds, over the IPC channel the build script
// opens for it (a plain `astro build` has neither).
// - Astro starts while the content is checked. When its data collections are first read, it asks for the YAML the
//   check read (YAML_WANTED) and waits until the build script answers that the check has written it (YAML_READY):
//   reading the file beats parsing every briefing's YAML a second time (1.3 s at 100 copies of the real briefing,
//   before Astro can bundle anything). The check reads and writes the YAML first, before the sections, so Astro
//   does not wait for the whole check (which at 1,000 briefings held its bundling up by some 7 s).
// Once Astro has bundled the pages, and before it renders any, it says so (BUNDLED) and waits for the build
// script's RENDER:
// - the build script starts Astro while it checks the content, and the pages need what the check found (the section
//   facts) and the citations formatted from it (tools/citations.ts), which it answers RENDER only once they are
//   written;
// - in a large library it draws the social cards beside Astro (tools/cards.ts) only from BUNDLED on: bundling some
//   10,000 content modules is when Astro holds the most memory (some 1.9 GB at 1,000 briefings), and the card
//   drawer's 300 MB beside it would raise the build's peak by as much.
import type { Plugin } from 'vite';
import { CITATIONS } from './build-env.ts';

export const YAML_WANTED = 'reader:yaml-wanted';
export const YAML_READY = 'reader:yaml-ready';
export const BUNDLED = 'reader:bundled';
export const RENDER = 'reader:render';

/** Asks the build script for the checked YAML, and resolves once it says the file is written. */
export function checkedYamlWritten(): Promise<void> {
  return new Promise<void>((done, failed) => {
    const answered = (message: unknown) => {
      if (message !== YAML_READY) return;
      process.off('message', answered);
      process.off('disconnect', gone);
      done();
    };
    const gone = () => failed(new Error('the build script went away before the content check had passed'));
    if (!process.send) return gone();
    process.on('message', answered);
    process.once('disconnect', gone);
    process.send(YAML_WANTED);
  });
}

/** Vite's last hook of the prerender environment's build: the bundle is written and let go. */
export const announceBundled: Plugin = {
  name: 'reader:announce-bundled',
  apply: 'build',
  async closeBundle() {
    // Only under the build script, which sets CITATIONS: any other parent with an IPC channel is not waited for.
    if (this.environment?.name !== 'prerender' || !process.send || !process.env[CITATIONS]) return;
    await new Promise<void>((done, failed) => {
      process.on('message', (message) => message === RENDER && done());
      process.once('disconnect', () => failed(new Error('the build script went away before the pages were rendered')));
      process.send!(BUNDLED);
    });
    process.disconnect();
  },
};
