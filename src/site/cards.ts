// Which social cards the site has and what each says: one for the library, one for each briefing's cover and one
// for each section, each beside the page it previews (paths.card). The route src/pages/[...card].png.ts draws them
// in `astro dev` and a plain `astro build`; `npm run build` draws them in a worker beside Astro (tools/cards.ts).
import type { CardText } from '../formats/social-card.ts';
import { SITE_NAME } from './config.ts';

/** A briefing as its cards need it: its title, and its sections' slugs and titles in reading order. */
export interface CardBriefing {
  slug: string;
  title: string;
  sections: { slug: string; title: string }[];
}

export interface Card {
  /** The card's file under the output folder, without `.png`: `card`, `briefing/card`, `briefing/section/card`. */
  file: string;
  text: CardText;
}

export function libraryCards(briefings: CardBriefing[]): Card[] {
  const cards: Card[] = [
    { file: 'card', text: { siteName: SITE_NAME, kicker: 'Policy briefings to read, search, link and cite' } },
  ];
  for (const briefing of briefings) {
    const count = briefing.sections.length;
    cards.push({
      file: `${briefing.slug}/card`,
      text: { siteName: SITE_NAME, briefingTitle: briefing.title, kicker: `${count} sections` },
    });
    briefing.sections.forEach((section, i) =>
      cards.push({
        file: `${briefing.slug}/${section.slug}/card`,
        text: {
          siteName: SITE_NAME,
          briefingTitle: briefing.title,
          sectionTitle: section.title,
          kicker: `Section ${i + 1} of ${count}`,
        },
      }),
    );
  }
  return cards;
}
