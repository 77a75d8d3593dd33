import type { APIRoute } from 'astro';
import { sharePaths } from '../data/share-paths';
import { robotsTxt } from '../lib/feeds';
import { absoluteUrl } from '../lib/share-paths';

export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(absoluteUrl(sharePaths.sitemap(), site)), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
