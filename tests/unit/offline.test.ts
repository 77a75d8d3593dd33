// The build-time readers behind "Save for offline": Pagefind's CBOR files, the URLs a page names, and sizes.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fileOf, formatBytes, referencedUrls, urlOf } from '../../src/offline/offline-set';
import { decodeCbor, pagesInChunk } from '../../src/search/pagefind-files';

const pagefindFile = (cbor: number[]) => gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(cbor)]));

describe("Pagefind's files", () => {
  it('decodes the CBOR Pagefind writes: integers of every width, negatives, strings, arrays, maps', () => {
    // [1, -2, "ab", [500, 70000], {"k": 0}]
    const bytes = [
      0x85, 0x01, 0x21, 0x62, 0x61, 0x62, 0x82, 0x19, 0x01, 0xf4, 0x1a, 0, 1, 0x11, 0x70, 0xa1, 0x61, 0x6b, 0,
    ];
    expect(decodeCbor(new Uint8Array(bytes))).toEqual([[1, -2, 'ab', [500, 70000], { k: 0 }], bytes.length]);
    expect(() => decodeCbor(new Uint8Array([0x9f]))).toThrow(/unsupported CBOR/);
  });

  it("reads an index chunk's pages, whose numbers Pagefind delta-encodes per word", () => {
    // [[["word", [[0, [1]], [2, [5]]]], ["other", [[3, [1]]]]]]: "word" on pages 0 and 2, "other" on page 3.
    const chunk = [0x81, 0x82, 0x82, 0x64, ...Buffer.from('word'), 0x82, 0x82, 0, 0x81, 1, 0x82, 2, 0x81, 5];
    chunk.push(0x82, 0x65, ...Buffer.from('other'), 0x81, 0x82, 3, 0x81, 1);
    expect([...pagesInChunk(pagefindFile(chunk))].sort()).toEqual([0, 2, 3]);
    expect(() => pagesInChunk(gzipSync(Buffer.from('not pagefind')))).toThrow(/signature/);
  });
});

describe('URLs and sizes', () => {
  it('finds the site paths a page or script names, under the base, without fragments or queries', () => {
    const html = `<a href="/reader/a/#x">a</a><link href="/reader/_astro/s.css"><a href="https://elsewhere.org/">e</a>
      <script>const u = \`/reader/_astro/m-1.js\`</script><a href="/other/">o</a><img src="/reader/i.png?v=1">`;
    expect(referencedUrls(html, '/reader/').sort()).toEqual([
      '/reader/_astro/m-1.js',
      '/reader/_astro/s.css',
      '/reader/a/',
      '/reader/i.png',
    ]);
  });

  it('maps files to URLs and back, a folder standing for its index.html', () => {
    expect(urlOf('/reader/', 'b/s/index.html')).toBe('/reader/b/s/');
    expect(urlOf('/', 'index.html')).toBe('/');
    expect(fileOf('/reader/', '/reader/b/s/')).toBe('b/s/index.html');
    expect(fileOf('/reader/', '/reader/b/cite.bib')).toBe('b/cite.bib');
  });

  it('writes sizes as a reader reads them', () => {
    expect(formatBytes(1_097_262)).toBe('1.1 MB');
    expect(formatBytes(850_400)).toBe('850 KB');
    expect(formatBytes(200)).toBe('1 KB');
  });
});
