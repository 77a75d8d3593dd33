export const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector);
export const $$ = <T extends Element>(selector: string) => document.querySelectorAll<T>(selector);

/** True when keys typed now belong to a text field (or a select), not to page shortcuts. */
export function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

export const prefersReducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;
