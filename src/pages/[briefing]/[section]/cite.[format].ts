// /<briefing>/<section>/cite.bib, cite.ris, cite.json: one section's citation for reference managers.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getLibrary, type Briefing, type Section } from '../../../library/briefings';
import { citedWork } from '../../../library/cited-works';
import { CITATIONS } from '../../../site/build-env';
import { CITATION_FORMATS, type CitationFormat } from '../../../formats/citation';

export const getStaticPaths = (async () => {
  // `npm run build` writes them beside Astro, with the citations (tools/citations.ts).
  if (process.env[CITATIONS]) return [];
  const formats = Object.keys(CITATION_FORMATS) as CitationFormat[];
  return (await getLibrary()).flatMap((briefing) =>
    briefing.sections.flatMap((section) =>
      formats.map((format) => ({
        params: { briefing: briefing.slug, section: section.slug, format },
        props: { briefing, section },
      })),
    ),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props }) => {
  const { briefing, section } = props as { briefing: Briefing; section: Section };
  const { render, type } = CITATION_FORMATS[params.format as CitationFormat];
  return new Response(render(citedWork(briefing, section)), { headers: { 'Content-Type': type } });
};
