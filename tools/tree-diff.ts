// Compares two folders file by file, byte for byte.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function files(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => statSync(join(root, file)).isFile())
    .sort();
}

/** Lines naming each file that is only in one folder or whose bytes differ. */
export function differingFiles(a: string, b: string): string[] {
  const inA = files(a);
  const inB = new Set(files(b));
  const out: string[] = [];
  for (const file of inA) {
    if (!inB.has(file)) out.push(`only in the first: ${file}`);
    else if (!readFileSync(join(a, file)).equals(readFileSync(join(b, file)))) out.push(`differs: ${file}`);
    inB.delete(file);
  }
  for (const file of inB) out.push(`only in the second: ${file}`);
  return out;
}

/** One sha256 over every file's path and bytes: equal for two folders exactly when they hold the same files. */
export function treeHash(root: string): string {
  const hash = createHash('sha256');
  for (const file of files(root)) hash.update(`${file}\0`).update(readFileSync(join(root, file)));
  return hash.digest('hex');
}
