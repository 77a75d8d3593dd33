// The comparison site for `npm run bench`: the same five sections built with Astro Starlight (bench/starlight/,
// Starlight's defaults, Pagefind's default UI for search). The sections are converted from our MDX to plain
// Markdown at bench time, keeping the searchable text the same:
// - `{/* #id */}` heading ids are dropped (Starlight makes its own from the heading text);
// - `<Quote by="…">…</Quote>` becomes a blockquote; the attribution follows it, kept out of the index as ours is;
// - `section:slug#id` links point at the Starlight page of that section;
// - GFM footnotes are kept as they are (Astro's Markdown renders them);
// - the event programme in section 05's frontmatter is rendered as short Markdown (title, when, where, panels with
//   moderators and speakers), as our programme component shows it; the co-sponsors list is already in the prose.
// Run on its own (`node tools/bench-starlight.ts`) it builds and prints the output folder.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const ROOT = resolve('bench/starlight');
const CONTENT = resolve('content/china-united-front');
const DOCS = join(ROOT, 'src/content/docs');
const BRIEFING = 'china-united-front';

interface Person {
  name: string;
  role: string;
}
interface Event {
  title: string;
  host: string;
  attendance: string;
  when: { printed: string };
  panels: { title: string; moderator: Person; speakers: Person[] }[];
}

/** Our frontmatter and MDX body as Starlight Markdown. */
function toStarlightMarkdown(source: string): string {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source);
  if (!match) throw new Error('bench-starlight: a section without frontmatter');
  const front = parse(match[1]) as { title: string; description?: string; event?: Event };
  let body = match[2]
    .replace(/\s*\{\/\*\s*#[\w-]+\s*\*\/\}/g, '')
    .replace(/\]\(section:([\w-]+)(#[\w-]+)?\)/g, `](/${BRIEFING}/$1/)`)
    .replace(/<Quote by="([^"]*)">\n([\s\S]*?)\n<\/Quote>/g, (_, by: string, quoted: string) => {
      const lines = quoted
        .trim()
        .split('\n')
        .map((line) => (line ? `> ${line}` : '>'));
      return `${lines.join('\n')}\n\n<p data-pagefind-ignore>— ${by}</p>`;
    })
    .replace(/<EventProgramme[^>]*\/>/, () => (front.event ? programme(front.event) : ''));
  if (/<[A-Z]/.test(body)) throw new Error(`bench-starlight: a component left unconverted in “${front.title}”`);
  body = body.replace(/\n{3,}/g, '\n\n');
  const head = [`title: ${JSON.stringify(front.title)}`];
  if (front.description) head.push(`description: ${JSON.stringify(front.description)}`);
  return `---\n${head.join('\n')}\n---\n${body}`;
}

function programme(event: Event): string {
  const lines = [
    event.title,
    '',
    `When: ${event.when.printed}`,
    '',
    `Where: ${event.attendance === 'online' ? 'Online' : 'In person'}, hosted by ${event.host}`,
    '',
    'Program:',
  ];
  event.panels.forEach((panel, i) => {
    lines.push('', `### ${i + 1}) ${panel.title}`, '', `Moderator: ${panel.moderator.name}, ${panel.moderator.role}`);
    lines.push('', ...panel.speakers.map((s) => `- ${s.name}, ${s.role}`));
  });
  return lines.join('\n');
}

/** Writes the five sections into bench/starlight/src/content/docs/<briefing>/<slug>.md, plus a plain home page. */
function writeStarlightDocs(): string[] {
  rmSync(DOCS, { recursive: true, force: true });
  mkdirSync(join(DOCS, BRIEFING), { recursive: true });
  const slugs: string[] = [];
  const titles: Record<string, string> = {};
  for (const file of readdirSync(CONTENT)
    .filter((f) => f.endsWith('.mdx'))
    .sort()) {
    const slug = file.replace(/^\d+-/, '').replace(/\.mdx$/, '');
    const markdown = toStarlightMarkdown(readFileSync(join(CONTENT, file), 'utf8'));
    writeFileSync(join(DOCS, BRIEFING, `${slug}.md`), markdown);
    titles[slug] = JSON.parse(/^title: (.*)$/m.exec(markdown)![1]);
    slugs.push(slug);
  }
  // A home page listing the sections, kept out of the index as our briefing page is.
  const links = slugs.map((slug) => `- [${titles[slug]}](/${BRIEFING}/${slug}/)`).join('\n');
  writeFileSync(join(DOCS, 'index.md'), `---\ntitle: Sections\npagefind: false\n---\n\n${links}\n`);
  return slugs;
}

/** Installs bench/starlight's locked dependencies when missing or older than the lock, writes the docs, builds; returns the dist folder. */
export async function buildStarlight(): Promise<string> {
  // A nested npm must not inherit the outer `npm run`'s settings (its prefix, its config).
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  const installed = join(ROOT, 'node_modules/.package-lock.json');
  if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(join(ROOT, 'package-lock.json')).mtimeMs) {
    console.log('bench: installing bench/starlight dependencies (npm ci)…');
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit', env });
  }
  writeStarlightDocs();
  const dist = resolve('.cache/bench-starlight'); // as bench/starlight/astro.config.mjs sets
  rmSync(dist, { recursive: true, force: true });
  execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
    cwd: ROOT,
    stdio: 'inherit',
    env,
  });
  if (!existsSync(join(dist, BRIEFING, 'sharp-power/index.html'))) throw new Error('bench: the Starlight build failed');
  return dist;
}

if (import.meta.main) console.log(await buildStarlight());
