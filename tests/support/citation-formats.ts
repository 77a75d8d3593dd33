// Small readers for the citation download formats, strict enough to catch a broken file.

/** One BibTeX entry: its type, key and fields; throws when it does not parse or braces do not balance. */
export function parseBibtex(text: string): { type: string; key: string; fields: Record<string, string> } {
  const match = /^@(\w+)\{([^,\s]+),\n([\s\S]*)\n\}\n$/.exec(text);
  if (!match) throw new Error('not one BibTeX entry');
  const fields: Record<string, string> = {};
  for (const line of match[3].split(',\n')) {
    const field = /^\s*(\w+) = \{([\s\S]*)\}$/.exec(line);
    if (!field) throw new Error(`bad field: ${line}`);
    let depth = 0;
    for (const ch of field[2].replace(/\\[{}]/g, '')) {
      depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
      if (depth < 0) throw new Error(`unbalanced braces in ${field[1]}`);
    }
    if (depth !== 0) throw new Error(`unbalanced braces in ${field[1]}`);
    fields[field[1]] = field[2];
  }
  return { type: match[1], key: match[2], fields };
}

/** RIS records as tag → values, checking TY comes first and ER last. */
export function parseRis(text: string): Map<string, string[]> {
  const lines = text.split('\r\n').filter(Boolean);
  if (!lines[0]?.startsWith('TY  - ')) throw new Error('RIS must start with TY');
  if (!/^ER {2}-\s*$/.test(lines.at(-1) ?? '')) throw new Error('RIS must end with ER');
  const tags = new Map<string, string[]>();
  for (const line of lines) {
    const m = /^([A-Z][A-Z0-9]) {2}- ?(.*)$/.exec(line);
    if (!m) throw new Error(`bad RIS line: ${line}`);
    tags.set(m[1], [...(tags.get(m[1]) ?? []), m[2]]);
  }
  return tags;
}
