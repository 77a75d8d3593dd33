// card.png beside the library, each cover and each section: the 1200×630 image link previews show
// (src/site/cards.ts). `npm run build` draws them beside Astro instead (tools/cards.ts), and asks for none here.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getLibrary } from '../library/briefings';
import { renderCard, type CardText } from '../formats/social-card';
import { libraryCards } from '../site/cards';
import { CARDS_BESIDE_ASTRO } from '../site/build-env';

export const getStaticPaths = (async () => {
  if (process.env[CARDS_BESIDE_ASTRO]) return [];
  const library = await getLibrary();
  const cards = libraryCards(
    library.map((b) => ({
      slug: b.slug,
      title: b.data.title,
      sections: b.sections.map((s) => ({ slug: s.slug, title: s.title })),
    })),
  );
  return cards.map(({ file, text }) => ({ params: { card: file }, props: { text } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await renderCard((props as { text: CardText }).text);
  return new Response(png as BodyInit, { headers: { 'Content-Type': 'image/png' } });
};
