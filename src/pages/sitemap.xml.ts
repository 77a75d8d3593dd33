// Every public page: the library, each cover, section and all-on-one page, and the entity pages.
// Search and 404 are left
// out (no content of their own).
import type { APIRoute } from 'astro';
import { getLibrary } from '../data/library';
import { getEntities } from '../data/entities';
import { paths } from '../data/paths';
import { sitemapXml } from '../lib/feeds';
import { absoluteUrl } from '../lib/paths';

export const GET: APIRoute = async ({ site }) => {
  const pages = [paths.home()];
  for (const briefing of await getLibrary()) {
    pages.push(
      paths.briefing(briefing.slug),
      ...briefing.sections.map((s) => paths.section(briefing.slug, s.slug)),
      paths.all(briefing.slug),
    );
  }
  pages.push(paths.entities(), ...(await getEntities()).map((entity) => paths.entity(entity.slug)));
  return new Response(sitemapXml(pages.map((p) => absoluteUrl(p, site))), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
