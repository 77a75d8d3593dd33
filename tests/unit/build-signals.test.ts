// The signal Astro's process waits on, once it has bundled the pages, before it renders any (src/site/build-signals.ts).
import { expect, it, vi } from 'vitest';
import { announceBundled } from '../../src/site/build-signals';
import { CITATIONS } from '../../src/site/build-env';

it('is waited for only under the build script: a plain `astro build` with another parent’s IPC channel goes on', async () => {
  vi.stubEnv(CITATIONS, '');
  const sent: unknown[] = [];
  const send = process.send;
  process.send = ((message: unknown) => sent.push(message) > 0) as typeof process.send;
  try {
    const closeBundle = announceBundled.closeBundle as (this: unknown) => Promise<void>;
    await closeBundle.call({ environment: { name: 'prerender' } });
    expect(sent).toEqual([]);
  } finally {
    process.send = send;
    vi.unstubAllEnvs();
  }
});
