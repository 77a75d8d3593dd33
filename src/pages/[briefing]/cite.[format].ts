// /<briefing>/cite.bib, cite.ris, cite.json: the briefing's citation for reference managers.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getLibrary, type Briefing } from '../../library/briefings';
import { citedWork } from '../../library/cited-works';
import { CITATIONS } from '../../site/build-env';
import { CITATION_FORMATS, type CitationFormat } from '../../formats/citation';

export const getStaticPaths = (async () => {
  // `npm run build` writes them beside Astro, with the citations (tools/citations.ts).
  if (process.env[CITATIONS]) return [];
  const formats = Object.keys(CITATION_FORMATS) as CitationFormat[];
  return (await getLibrary()).flatMap((briefing) =>
    formats.map((format) => ({ params: { briefing: briefing.slug, format }, props: { briefing } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props }) => {
  const { render, type } = CITATION_FORMATS[params.format as CitationFormat];
  return new Response(render(citedWork((props as { briefing: Briefing }).briefing)), {
    headers: { 'Content-Type': type },
  });
};
