import { absoluteUrl, paths } from '../site/urls';
import type { APIRoute } from 'astro';
import { robotsTxt } from '../formats/feeds';

export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(absoluteUrl(paths.sitemap(), site)), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
