// Every internal URL of the site, built under the deploy's base path (see DESIGN.md, "URLs").

export function createPaths(base: string) {
  const root = base.endsWith('/') ? base : `${base}/`;
  return {
    home: () => root,
    briefing: (briefing: string) => `${root}${briefing}/`,
    section: (briefing: string, section: string, fragment?: string) =>
      `${root}${briefing}/${section}/${fragment ? `#${fragment}` : ''}`,
    all: (briefing: string, fragment?: string) => `${root}${briefing}/all/${fragment ? `#${fragment}` : ''}`,
    entities: (fragment?: string) => `${root}entities/${fragment ? `#${fragment}` : ''}`,
    entity: (slug: string) => `${root}entities/${slug}/`,
    search: (query?: string) => `${root}search/${query ? `?q=${encodeURIComponent(query)}` : ''}`,
    asset: (path: string) => `${root}${path.replace(/^\/+/, '')}`,
  };
}
