// The social cards of `npm run build`, drawn in a process of their own while Astro renders the pages: tools/build.ts
// starts it once Astro has bundled the pages and sends it the cards (src/site/cards.ts) and a folder to write them
// into; it answers with the number drawn. Drawing the cards (satori, resvg, sharp: src/formats/social-card.ts) is a
// third of the build's work, which in Astro's process held up the pages. Two cards are drawn at a time, so that one
// is laid out on this thread while the other is rasterised and encoded on Node's thread pool.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderCard } from '../src/formats/social-card.ts';
import type { Card } from '../src/site/cards.ts';

export interface CardsRequest {
  cards: Card[];
  outDir: string;
}

process.once('message', async ({ cards, outDir }: CardsRequest) => {
  let next = 0;
  const draw = async () => {
    while (next < cards.length) {
      const { file, text } = cards[next++];
      const png = await renderCard(text);
      const path = join(outDir, `${file}.png`);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, png);
    }
  };
  await Promise.all([draw(), draw()]);
  process.send!({ drawn: cards.length }, () => process.exit(0));
});
