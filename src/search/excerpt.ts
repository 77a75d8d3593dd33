// Excerpts of a result, from the text Pagefind indexed (its words, split at spaces as Pagefind counts them) and
// the blocks it records (every element with an id: headings, paragraphs, quotations, list items). An excerpt
// stays inside one block of text, so it never runs a heading into the words that follow; headings are shown apart,
// as the titles of the places in the section that match.
import type { Span } from './match';

export interface Anchor {
  element: string;
  id: string;
  text: string;
  location: number;
}

/** A piece of an excerpt: plain text, or marked words. */
interface Run {
  text: string;
  mark?: true;
}

export interface Excerpt {
  runs: Run[];
}

export interface Place {
  /** The heading's text and id; the section itself has neither. */
  heading?: { text: string; id: string };
  excerpt: Excerpt;
}

interface Segment {
  start: number;
  end: number;
}

const HEADING = /^h[1-6]$/i;
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** The text's segments between blocks, without headings (nor the title the text begins with). */
function segments(tokens: string[], anchors: Anchor[], titleWords: number): (Segment & { heading?: Anchor })[] {
  const starts = [...new Set(anchors.map((a) => a.location))].sort((a, b) => a - b);
  const out: (Segment & { heading?: Anchor })[] = [];
  let heading: Anchor | undefined;
  const bounds = [titleWords, ...starts.filter((s) => s > titleWords)];
  bounds.forEach((start, i) => {
    const end = bounds[i + 1] ?? tokens.length;
    const anchor = anchors.find((a) => a.location === start && HEADING.test(a.element));
    if (anchor) heading = anchor;
    const from = anchor ? start + wordCount(anchor.text) : start;
    if (from < end) out.push({ start: from, end, heading });
  });
  return out;
}

/** The window of `length` words in a segment with the most marks, its first mark a few words in. */
function window(segment: Segment, marks: Map<number, Span>, length: number): Segment {
  if (segment.end - segment.start <= length) return segment;
  let bestStart = segment.start;
  let best = -1;
  for (let start = segment.start; start + length <= segment.end; start++) {
    let count = 0;
    for (let at = start; at < start + length; at++) if (marks.has(at)) count++;
    if (count > best) {
      best = count;
      bestStart = start;
    }
  }
  const first = [...marks.keys()].filter((at) => at >= bestStart && at < bestStart + length).sort((a, b) => a - b)[0];
  const start = first === undefined ? bestStart : Math.max(segment.start, Math.min(first - 4, segment.end - length));
  return { start, end: Math.min(segment.end, start + length) };
}

function runsOf(tokens: string[], part: Segment, whole: Segment, marks: Map<number, Span>): Excerpt {
  const runs: Run[] = [];
  const push = (text: string, mark?: true) => {
    if (!text) return;
    const last = runs.at(-1);
    if (last && Boolean(last.mark) === Boolean(mark)) last.text += text;
    else runs.push(mark ? { text, mark } : { text });
  };
  if (part.start > whole.start) push('… ');
  for (let at = part.start; at < part.end; at++) {
    const token = tokens[at];
    const span = marks.get(at);
    if (span) {
      push(token.slice(0, span[0]));
      push(token.slice(span[0], span[1]), true);
      push(token.slice(span[1]));
    } else push(token);
    if (at === part.end - 1) continue;
    // Marked words one after another ("United Front") are one mark, the space between them included.
    const next = marks.get(at + 1);
    push(' ', span && span[1] === token.length && next && next[0] === 0 ? true : undefined);
  }
  if (part.end < whole.end) push(' …');
  return { runs };
}

const marksIn = (segment: Segment, marks: Map<number, Span>) =>
  [...marks.keys()].filter((at) => at >= segment.start && at < segment.end).length;

/**
 * The places a result matches: every heading that holds a match, in reading order, each with the best excerpt of
 * its own text; first, the section's best excerpt, unless it is one of theirs (it is then shown under its heading).
 */
export function placesOf(
  tokens: string[],
  anchors: Anchor[],
  marks: Map<number, Span>,
  options: { titleWords: number; length: number },
): Place[] {
  const all = segments(tokens, anchors, options.titleWords);
  const best = <T extends Segment>(list: T[]) =>
    list.reduce<T | undefined>((top, s) => (!top || marksIn(s, marks) > marksIn(top, marks) ? s : top), undefined);
  const excerptOf = (segment: Segment | undefined) =>
    segment ? runsOf(tokens, window(segment, marks, options.length), segment, marks) : { runs: [] };
  const headings = anchors
    .filter((a) => HEADING.test(a.element) && a.id && a.location >= options.titleWords)
    .sort((a, b) => a.location - b.location)
    .filter((heading, i, list) =>
      marksIn({ start: heading.location, end: list[i + 1]?.location ?? tokens.length }, marks),
    );
  const top = best(all);
  const places: Place[] = [{ excerpt: top?.heading && headings.includes(top.heading) ? { runs: [] } : excerptOf(top) }];
  for (const heading of headings)
    places.push({
      heading: { text: heading.text, id: heading.id },
      excerpt: excerptOf(best(all.filter((s) => s.heading === heading))),
    });
  return places;
}
