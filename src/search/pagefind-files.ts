// Reads Pagefind's own index files at build time, to tell which of them a briefing's searches need: the meta
// file (its pages and the word range of each index chunk) and each index chunk (which pages every word is on).
// Pagefind writes them gzipped, as the signature `pagefind_dcd` followed by CBOR (RFC 8949); this reads the
// part of CBOR Pagefind writes (integers, strings, arrays, maps, byte strings), nothing more.
import { gunzipSync } from 'node:zlib';

const SIGNATURE = 'pagefind_dcd';

type Cbor = number | string | Uint8Array | Cbor[] | { [key: string]: Cbor } | boolean | null;

const utf8 = new TextDecoder();

/** Decodes one CBOR item from `bytes` at `at`; returns it and the offset after it. */
export function decodeCbor(bytes: Uint8Array, at = 0): [Cbor, number] {
  const view = () => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const head = bytes[at];
  const major = head >> 5;
  const info = head & 31;
  let pos = at + 1;
  // The argument: in the head itself below 24, else in the next 1, 2, 4 or 8 bytes.
  const size = info < 24 ? 0 : info <= 27 ? 2 ** (info - 24) : -1;
  if (size < 0) throw new Error(`unsupported CBOR item (major type ${major}, info ${info}) at byte ${at}`);
  const length =
    size === 0
      ? info
      : size === 1
        ? bytes[pos]
        : size === 2
          ? view().getUint16(pos)
          : size === 4
            ? view().getUint32(pos)
            : Number(view().getBigUint64(pos));
  pos += size;
  switch (major) {
    case 0:
      return [length, pos];
    case 1:
      return [-1 - length, pos];
    case 2:
      return [bytes.subarray(pos, pos + length), pos + length];
    case 3:
      return [utf8.decode(bytes.subarray(pos, pos + length)), pos + length];
    case 4: {
      const items: Cbor[] = [];
      for (let i = 0; i < length; i++) {
        const [item, next] = decodeCbor(bytes, pos);
        items.push(item);
        pos = next;
      }
      return [items, pos];
    }
    case 5: {
      const map: Record<string, Cbor> = {};
      for (let i = 0; i < length; i++) {
        const [key, afterKey] = decodeCbor(bytes, pos);
        const [value, next] = decodeCbor(bytes, afterKey);
        map[String(key)] = value;
        pos = next;
      }
      return [map, pos];
    }
    case 7:
      return [info === 20 ? false : info === 21 ? true : null, pos];
    default:
      throw new Error(`unsupported CBOR major type ${major} at byte ${at}`);
  }
}

/** A Pagefind file's contents after its signature: CBOR for the index, meta and filter files, JSON for fragments. */
export function unpackPagefindFile(gzipped: Uint8Array): Uint8Array {
  const bytes = gunzipSync(gzipped);
  if (bytes.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE)
    throw new Error(`not a Pagefind file (no ${SIGNATURE} signature)`);
  return bytes.subarray(SIGNATURE.length);
}

export interface PagefindMeta {
  /** Fragment hashes, in the order index chunks number pages. */
  pages: string[];
  /** Index chunks: the first and last word each holds, and its file's hash. */
  chunks: { from: string; to: string; hash: string }[];
  /** Filter chunks: the filter's name and its file's hash. */
  filters: { name: string; hash: string }[];
}

/** Pagefind 1.x's meta file: [version, pages [[hash, words]], index chunks [[from, to, hash]], filters [[name, hash]], …]. */
export function readMeta(gzipped: Uint8Array): PagefindMeta {
  const [meta] = decodeCbor(unpackPagefindFile(gzipped)) as [Cbor[], number];
  const [, pages, chunks, filters] = meta as [string, Cbor[][], Cbor[][], Cbor[][]];
  return {
    pages: pages.map((p) => String(p[0])),
    chunks: chunks.map((c) => ({ from: String(c[0]), to: String(c[1]), hash: String(c[2]) })),
    filters: filters.map((f) => ({ name: String(f[0]), hash: String(f[1]) })),
  };
}

/** The page numbers (into PagefindMeta.pages) that any word of an index chunk is on. */
export function pagesInChunk(gzipped: Uint8Array): Set<number> {
  const [chunk] = decodeCbor(unpackPagefindFile(gzipped)) as [Cbor[], number];
  const pages = new Set<number>();
  // [words [[word, pages [[page number, locations, …], …], …], …]; each word's page numbers are delta-encoded.
  for (const word of chunk[0] as Cbor[][]) {
    let page = 0;
    for (const entry of word[1] as Cbor[][]) pages.add((page += entry[0] as number));
  }
  return pages;
}
