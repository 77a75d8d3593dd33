// The social cards of `npm run build`, drawn in a process of their own beside Astro, at the lowest priority:
// tools/build.ts starts it once the content check has passed (once Astro has bundled the pages, in a large library)
// and sends it the cards (src/site/cards.ts) and a folder to write them into; it answers with the number drawn.
// Drawing the cards (satori, resvg, sharp: src/formats/social-card.ts) is a third of the build's work, which in
// Astro's process held up the pages. Four cards are drawn at a time, so that while one is laid out on this thread the
// others are rasterised and encoded on Node's thread pool (four threads): once Astro has exited, the drawer has both
// cores of a two-core machine, where two at a time kept it to about one and a half.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderCard } from '../src/formats/social-card.ts';
import type { Card } from '../src/site/cards.ts';

export interface CardsRequest {
  cards: Card[];
  outDir: string;
}

const AT_ONCE = 4;

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
  await Promise.all(Array.from({ length: AT_ONCE }, draw));
  process.send!({ drawn: cards.length }, () => process.exit(0));
});
