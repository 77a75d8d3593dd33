// The outline marks the heading being read, and its links move keyboard focus to their heading.
export function setupOutline(): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('.outline a[href^="#"]')];
  if (links.length === 0) return;
  const byId = new Map(links.map((link) => [decodeURIComponent(link.hash.slice(1)), link]));
  const headings = [...byId.keys()].map((id) => document.getElementById(id)).filter((h): h is HTMLElement => !!h);

  for (const link of links) {
    link.addEventListener('click', () => {
      const heading = document.getElementById(decodeURIComponent(link.hash.slice(1)));
      if (!heading) return;
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    });
  }

  let current: HTMLAnchorElement | undefined;
  const mark = () => {
    // The current heading is the last one whose top has passed the upper third of the viewport.
    const line = window.innerHeight / 3;
    const passed = headings.filter((h) => h.getBoundingClientRect().top <= line);
    const link = byId.get((passed.at(-1) ?? headings[0]).id);
    if (link === current) return;
    current?.removeAttribute('aria-current');
    link?.setAttribute('aria-current', 'location');
    current = link;
  };
  const observer = new IntersectionObserver(mark, { rootMargin: '0px 0px -66% 0px' });
  headings.forEach((h) => observer.observe(h));
  mark();
}
