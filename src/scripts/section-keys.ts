// ← and → move to the previous and next section, unless typing or a modifier is held.
import { isTyping } from './dom';

export function setupSectionKeys(): void {
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
    const rel = event.key === 'ArrowLeft' ? 'prev' : event.key === 'ArrowRight' ? 'next' : null;
    const link = rel && document.querySelector<HTMLAnchorElement>(`a[rel="${rel}"]`);
    if (link) window.location.assign(link.href);
  });
}
