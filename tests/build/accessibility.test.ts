// What axe checks that depends on a page's text rather than its template, read from every built page's HTML in
// milliseconds. axe itself runs in a browser on one page of each template, in both themes
// (tests/browser/accessibility.test.ts); html-validate's WCAG rules run on every page (static-checks.test.ts).
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { htmlFiles, loadPage } from '../support/dist';

/** The only elements a page's <body> holds directly, so that all its content sits in a landmark (axe's "region"). */
const TOP_LEVEL = new Set(['A.skip-link', 'HEADER', 'MAIN', 'FOOTER', 'DIALOG', 'SCRIPT', 'TEMPLATE']);

/** Elements a reader operates, which each need a name (axe's link-name, button-name, label, select-name). */
const CONTROLS = 'a[href], button, summary, select, textarea, input:not([type="hidden"])';

const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

function accessibleName(el: Element, doc: Document): string {
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy)
    return labelledBy
      .split(/\s+/)
      .map((id) => doc.getElementById(id))
      .map((target) => (target ? text(target) : ''))
      .join(' ')
      .trim();
  const label = el.getAttribute('aria-label') ?? el.getAttribute('title');
  if (label?.trim()) return label.trim();
  if (el.id) {
    const forLabel = [...doc.querySelectorAll('label[for]')].find((l) => l.getAttribute('for') === el.id);
    if (forLabel && text(forLabel)) return text(forLabel);
  }
  const wrapping = el.closest('label');
  if (wrapping && text(wrapping)) return text(wrapping);
  if (el.tagName === 'INPUT' && /^(submit|button|reset)$/.test(el.getAttribute('type') ?? ''))
    return el.getAttribute('value') ?? '';
  const alts = [...el.querySelectorAll('img[alt]')].map((img) => img.getAttribute('alt')!.trim());
  return [text(el), ...alts].join(' ').trim();
}

/** Each problem as `what: where`; an empty list for a page axe would pass on these rules. */
export function accessibilityProblems(doc: Document): string[] {
  const problems: string[] = [];
  for (const child of doc.body.children) {
    const name = child.tagName === 'A' ? `A.${child.getAttribute('class')}` : child.tagName;
    if (!TOP_LEVEL.has(name)) problems.push(`content outside the landmarks: <${child.tagName.toLowerCase()}>`);
  }
  let level = 0;
  for (const heading of doc.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const next = Number(heading.tagName[1]);
    if (next > level + 1) problems.push(`heading level skipped (h${level} to h${next}): ${text(heading)}`);
    level = next;
  }
  for (const control of doc.querySelectorAll(CONTROLS)) {
    if (control.closest('[hidden], template')) continue;
    if (!accessibleName(control, doc))
      problems.push(`no accessible name: ${control.outerHTML.slice(0, 120).replace(/\s+/g, ' ')}`);
  }
  for (const img of doc.querySelectorAll('img:not([alt])')) problems.push(`image without alt: ${img.outerHTML}`);
  for (const el of doc.querySelectorAll('[lang]')) {
    try {
      Intl.getCanonicalLocales(el.getAttribute('lang')!);
    } catch {
      problems.push(`invalid lang="${el.getAttribute('lang')}"`);
    }
  }
  for (const attribute of ['aria-labelledby', 'aria-describedby', 'aria-controls', 'popovertarget', 'for'])
    for (const el of doc.querySelectorAll(`[${attribute}]`))
      for (const id of el.getAttribute(attribute)!.split(/\s+/).filter(Boolean))
        if (!doc.getElementById(id)) problems.push(`${attribute}="${id}" names no element`);
  return problems;
}

describe('accessibility of every built page, read from its HTML', () => {
  it.each(htmlFiles())('%s has its content in landmarks, headings in order, and a name on every control', (file) => {
    expect(accessibilityProblems(loadPage(file))).toEqual([]);
  });

  it('finds each kind of problem (so the check above can fail)', () => {
    const { document } = parseHTML(`<!doctype html><html lang="en"><body>
      <a class="skip-link" href="#main">Skip</a><header><button></button></header>
      <main id="main"><h1>Title</h1><h3>Too deep</h3><a href="/x"><svg></svg></a><img src="i.png">
      <p lang="not a tag">…</p><button aria-controls="nowhere">Open</button>
      <label for="q">Search</label><input id="q" type="search"><input type="text"></main>
      <div class="stray">Outside</div><footer></footer></body></html>`);
    expect(accessibilityProblems(document as unknown as Document)).toEqual([
      'content outside the landmarks: <div>',
      'heading level skipped (h1 to h3): Too deep',
      'no accessible name: <button></button>',
      'no accessible name: <a href="/x"><svg /></a>',
      'no accessible name: <input type="text">',
      'image without alt: <img src="i.png">',
      'invalid lang="not a tag"',
      'aria-controls="nowhere" names no element',
    ]);
  });
});
