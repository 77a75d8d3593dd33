export const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector);
export const $$ = <T extends Element>(selector: string) => document.querySelectorAll<T>(selector);

/** True when keys typed now belong to a text field (or a select), not to page shortcuts. A key's target is always
 * an element (the focused one, or the body). */
export function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement;
  return element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName);
}

export const prefersReducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;
