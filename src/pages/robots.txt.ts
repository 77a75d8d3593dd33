import { paths } from '../data/paths';
import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/feeds';
import { absoluteUrl } from '../lib/paths';

export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(absoluteUrl(paths.sitemap(), site)), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
