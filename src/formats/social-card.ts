// The 1200×630 PNG that link previews show: briefing title, section title, site name. Drawn at build
// time with satori (layout to SVG), resvg (SVG to pixels) and sharp (pixels to PNG), in Inter from the
// @fontsource/inter package, read from node_modules: nothing is fetched. A library has a card for every
// section, and drawing them is a third of the build's work (some 20 ms of CPU a card): `npm run build` draws them
// in a process of its own beside Astro (tools/cards.ts); resvg and sharp do theirs on Node's thread pool, and sharp
// encodes a PNG in half the time resvg's encoder took, with the same pixels.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import satori from 'satori';
import { renderAsync } from '@resvg/resvg-js';
import sharp from 'sharp';

const CARD_WIDTH = 1200;
const CARD_HEIGHT = 630;
const INNER_WIDTH = CARD_WIDTH - 2 * 72;
const BAR_HEIGHT = 16;

export interface CardText {
  siteName: string;
  briefingTitle?: string;
  sectionTitle?: string;
  /** A short line under the titles, e.g. "Section 3 of 5". */
  kicker?: string;
}

interface Node {
  type: string;
  props: { style?: Record<string, unknown>; children?: (Node | string)[] | string };
}

const el = (type: string, style: Record<string, unknown>, children: (Node | string)[] | string): Node => ({
  type,
  props: { style, children },
});

/**
 * The card's layout, as the element tree satori reads. The red bar at the top and the rule above the footer are
 * boxes of their own, not borders: satori draws a border through clip paths, each of which resvg paints as a layer
 * of its own, and boxes give the same pixels in half resvg's time.
 */
function cardTree({ siteName, briefingTitle, sectionTitle, kicker }: CardText): Node {
  const main = sectionTitle ?? briefingTitle ?? siteName;
  const over = sectionTitle ? briefingTitle : undefined;
  const long = main.length > 60;
  return el(
    'div',
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      display: 'flex',
      flexDirection: 'column',
      background: '#fdfcf9',
      color: '#1d1c1a',
      fontFamily: 'Inter',
    },
    [
      el('div', { display: 'flex', width: CARD_WIDTH, height: BAR_HEIGHT, background: '#9b2c1f' }, []),
      el(
        'div',
        {
          // Satori sizes boxes without their padding.
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          width: INNER_WIDTH,
          height: CARD_HEIGHT - BAR_HEIGHT - 2 * 64,
          padding: '64px 72px',
        },
        [
          el('div', { display: 'flex', flexDirection: 'column', width: INNER_WIDTH }, [
            ...(over
              ? [
                  el(
                    'div',
                    {
                      display: 'flex',
                      width: INNER_WIDTH,
                      fontSize: 32,
                      color: '#57534c',
                      lineHeight: 1.3,
                      marginBottom: 28,
                    },
                    over,
                  ),
                ]
              : []),
            el(
              'div',
              { display: 'flex', width: INNER_WIDTH, fontSize: long ? 56 : 68, fontWeight: 700, lineHeight: 1.12 },
              main,
            ),
          ]),
          el('div', { display: 'flex', flexDirection: 'column', width: INNER_WIDTH }, [
            el('div', { display: 'flex', width: INNER_WIDTH, height: 2, background: '#d9d4ca' }, []),
            el(
              'div',
              {
                display: 'flex',
                width: INNER_WIDTH,
                justifyContent: 'space-between',
                fontSize: 28,
                color: '#57534c',
                marginTop: 24,
              },
              [
                el('div', { display: 'flex', fontWeight: 700, color: '#1f4f8f' }, siteName),
                el('div', { display: 'flex' }, kicker ?? ''),
              ],
            ),
          ]),
        ],
      ),
    ],
  );
}

function font(file: string): Buffer {
  // Resolved from the project, not from the bundled chunk that calls this at build time.
  const require = createRequire(join(process.cwd(), 'package.json'));
  return readFileSync(require.resolve(`@fontsource/inter/files/${file}`));
}

let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;

export async function renderCard(text: CardText): Promise<Uint8Array> {
  fonts ??= [
    { name: 'Inter', data: font('inter-latin-400-normal.woff'), weight: 400, style: 'normal' },
    { name: 'Inter', data: font('inter-latin-700-normal.woff'), weight: 700, style: 'normal' },
  ];
  const svg = await satori(cardTree(text) as never, { width: CARD_WIDTH, height: CARD_HEIGHT, fonts });
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: CARD_WIDTH },
    font: { loadSystemFonts: false },
  });
  // The background covers the whole card, so every pixel is opaque and the PNG needs no alpha channel.
  return sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } })
    .removeAlpha()
    .png()
    .toBuffer();
}

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.slice(12, 16)) !== 'IHDR') return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
