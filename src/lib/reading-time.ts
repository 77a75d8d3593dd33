// Reading time for a briefing reader: words / 230 per minute, rounded up, never below one minute.

const WORDS_PER_MINUTE = 230;

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

export function readingMinutes(words: number): number {
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}

/** The prose of an MDX body: no import lines, tags, expressions, footnote markers or Markdown syntax. */
export function proseOfMdx(body: string): string {
  return body
    .replace(/^(import|export)\s.*$/gm, ' ')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\[\^[^\]]+\]:?/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/[#>*_[\]`]/g, ' ');
}

export function formatMinutes(minutes: number): string {
  return `${minutes} min read`;
}
