// The search aliases (UFWD, 统战部, CCP…) with what each stands for, for search in the browser: a typed alias
// becomes a filter on the sections that print it or its names, and the result links mark those names.
import type { APIRoute } from 'astro';
import { getSearchAliases } from '../library/briefings';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await getSearchAliases()), { headers: { 'content-type': 'application/json' } });
