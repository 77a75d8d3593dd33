// card.png beside the library, each cover and each section: the 1200×630 image link previews show.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getLibrary } from '../library/briefings';
import { renderCard, type CardText } from '../formats/social-card';
import { SITE_NAME } from '../site/config';

export const getStaticPaths = (async () => {
  const library = await getLibrary();
  const cards: { card: string; text: CardText }[] = [
    { card: 'card', text: { siteName: SITE_NAME, kicker: 'Policy briefings to read, search, link and cite' } },
  ];
  for (const briefing of library) {
    const count = briefing.sections.length;
    cards.push({
      card: `${briefing.slug}/card`,
      text: { siteName: SITE_NAME, briefingTitle: briefing.data.title, kicker: `${count} sections` },
    });
    briefing.sections.forEach((section, i) =>
      cards.push({
        card: `${briefing.slug}/${section.slug}/card`,
        text: {
          siteName: SITE_NAME,
          briefingTitle: briefing.data.title,
          sectionTitle: section.title,
          kicker: `Section ${i + 1} of ${count}`,
        },
      }),
    );
  }
  return cards.map(({ card, text }) => ({ params: { card }, props: { text } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await renderCard((props as { text: CardText }).text);
  return new Response(png as BodyInit, { headers: { 'Content-Type': 'image/png' } });
};
