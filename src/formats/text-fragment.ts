// URLs that point at a passage: text fragments (`#:~:text=`) for a selection. The fragment itself (which words,
// which prefix or suffix make it unique on the page, snapped to whole words) comes from the text-fragments-polyfill's
// generator in the browser (share-links.ts); this writes it into a URL.

/** A text fragment's parts, as the generator returns them. */
export interface TextFragment {
  textStart: string;
  textEnd?: string;
  prefix?: string;
  suffix?: string;
}

/** Percent-encodes a text directive term: `-`, `&` and `,` are syntax there and must be escaped too. */
export function encodeTextTerm(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/** `text=[prefix-,]start[,end][,-suffix]`, each term encoded. */
export function textDirective(fragment: TextFragment): string {
  const { prefix, textStart, textEnd, suffix } = fragment;
  return `text=${[
    prefix ? `${encodeTextTerm(prefix)}-` : '',
    encodeTextTerm(textStart),
    textEnd ? encodeTextTerm(textEnd) : '',
    suffix ? `-${encodeTextTerm(suffix)}` : '',
  ]
    .filter(Boolean)
    .join(',')}`;
}

/** `https://host/a/b/?x#old` + fragment → `https://host/a/b/#:~:text=…` */
export function fragmentUrl(pageUrl: string, fragment: TextFragment): string {
  const url = new URL(pageUrl);
  return `${url.origin}${url.pathname}#:~:${textDirective(fragment)}`;
}
