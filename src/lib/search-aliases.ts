// Search aliases: what readers type (UFWD) for what the briefings print (United Front Work Department).
import type { SearchAlias } from './search-query';

const fold = (text: string) => text.toLowerCase().replace(/[‘’]/g, "'").replace(/\s+/g, ' ');

/** The alias terms a text answers to: those whose meanings it prints. */
export function aliasesIn(text: string, aliases: SearchAlias[]): string[] {
  const folded = fold(text);
  return aliases.filter((a) => a.means.some((m) => folded.includes(fold(m)))).map((a) => a.term);
}
