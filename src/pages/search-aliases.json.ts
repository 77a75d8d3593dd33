// The search aliases for the landing highlighter, which marks what an alias stands for.
import type { APIRoute } from 'astro';
import { getSearchAliases } from '../data/library';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await getSearchAliases()), { headers: { 'content-type': 'application/json' } });
