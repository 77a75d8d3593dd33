import { $, $$ } from './dom';

// The outline marks the heading being read (and names it in the narrow screens' bar), and its links move
// keyboard focus to their heading and fold the narrow screens' list away.
export function setupOutline(): void {
  const items = [...$$<HTMLAnchorElement>('.outline a[href^="#"]')].flatMap((link) => {
    const heading = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    return heading ? [[link, heading] as const] : [];
  });
  if (!items.length) return;
  const details = $<HTMLDetailsElement>('.outline__details')!;
  const label = $('[data-outline-current]')!;

  for (const [link, heading] of items) {
    link.addEventListener('click', () => {
      details.open = false;
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    });
  }

  let current: HTMLAnchorElement | undefined;
  const mark = () => {
    // The current heading is the last one whose top has passed the upper third of the viewport.
    const [link] = items.findLast(([, heading]) => heading.getBoundingClientRect().top <= innerHeight / 3) ?? items[0];
    if (link === current) return;
    current?.removeAttribute('aria-current');
    link.setAttribute('aria-current', 'location');
    label.textContent = link.textContent;
    current = link;
  };
  // On scroll rather than through an IntersectionObserver: as cheap for a section's few headings, and
  // fewer bytes in the page script.
  addEventListener('scroll', mark); // scroll events cannot be cancelled: no `passive` needed
  mark();
}
