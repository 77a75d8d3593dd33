// A drawer of the social cards of `npm run build`, in a process of its own beside Astro. tools/build.ts starts one
// once the content check has passed (once Astro has bundled the pages, in a large library) and, if many cards are
// left, a second once Astro has exited, and hands them the cards (src/site/cards.ts) a batch at a time from one
// queue, so the two share what is left: the drawer asks for a batch ("more"), draws it into the batch's folder, and
// asks again; an empty batch means the queue is done, and it answers "drawn". Drawing the cards (satori, resvg,
// sharp: src/formats/social-card.ts) is a third of the build's work, which in Astro's process held up the pages.
// Four cards are drawn at a time, so that while one is laid out on this thread the others are rasterised and
// encoded on Node's thread pool (four threads).
import { mkdirSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { dirname, join } from 'node:path';
import type { Card } from '../src/site/cards.ts';
import { CARDS_LOW_PRIORITY } from '../src/site/build-env.ts';

// Started beside Astro's bundling (in a small library), at niceness 19: it takes only the CPU Astro leaves, and
// Astro bundles and renders as fast as alone, where at the same priority the drawer took a quarter of the core Astro
// renders on. Lowered before the drawing code loads, so that the threads it starts (Node's thread pool, sharp's)
// are lowered with it; if the system refuses, it runs as the others do. Started later (a large library, or once
// Astro has exited) it runs at the normal priority: there the cards are the build's last job.
if (process.env[CARDS_LOW_PRIORITY]) {
  try {
    setPriority(19);
  } catch {
    // Slower, never wrong.
  }
}
const { renderCard } = await import('../src/formats/social-card.ts');

/** What the build script hands a drawer: the next cards of the queue (none when it is done). */
export interface CardsBatch {
  cards: Card[];
  outDir: string;
}
/** What a drawer tells the build script: it wants a batch, or it has drawn its last card. */
export type DrawerMessage = 'more' | 'drawn';
const MORE: DrawerMessage = 'more';
const DRAWN: DrawerMessage = 'drawn';

const AT_ONCE = 4;

const waiting: Card[] = [];
let outDir = '';
let done = false;
let asking: Promise<void> | undefined;

/** Asks the build script for the next batch (once, however many draws are waiting for it). */
const more = () =>
  (asking ??= new Promise<void>((answered) => {
    process.once('message', (batch: CardsBatch) => {
      waiting.push(...batch.cards);
      outDir = batch.outDir;
      done = batch.cards.length === 0;
      asking = undefined;
      answered();
    });
    process.send!(MORE);
  }));

async function next() {
  while (!waiting.length && !done) await more();
  return waiting.shift();
}

const draw = async () => {
  for (let card = await next(); card; card = await next()) {
    const png = await renderCard(card.text);
    const path = join(outDir, `${card.file}.png`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, png);
  }
};

await Promise.all(Array.from({ length: AT_ONCE }, draw));
process.send!(DRAWN, () => process.exit(0));
