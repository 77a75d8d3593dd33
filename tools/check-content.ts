// Run by tools/build.ts as a child process: checks the content (src/content/check.ts) and sends back only what the
// build prints, and the titles the social cards show; what the pages need of each section's text is written into
// the file `factsFile` (SECTION_FACTS in src/site/build-env.ts). First of all it reads and validates the YAML
// alone, and writes it into `yamlFile` (CHECKED_YAML) for Astro's data collections, saying so (YAML_WRITTEN): Astro
// asks for it early, and parsing the sections, most of the check, need not hold it up. (The YAML is parsed again
// with the sections, where its lines are kept for the problems found across files: at 100 copies of the real
// briefing 1.3 s more of the check's process, off Astro's.) The check parses every section into a tree; in a
// process of its own, that memory (some 250 MB at 1,000 briefings) all goes back to the system when it ends, where
// in the build's own process (or a worker thread of it) some would stay held while the build waits for Astro.
import { writeFileSync } from 'node:fs';
import { checkLibrary, knownSections, type LibraryCheck } from '../src/content/check.ts';
import { loadLibrary } from '../src/content/load.ts';
import { yamlOfLibrary } from '../src/content/briefing-yaml.ts';
import { byReadingOrder } from '../src/model/files.ts';
import type { CardBriefing } from '../src/site/cards.ts';

export interface ContentCheck extends Pick<LibraryCheck, 'problems' | 'warnings'> {
  briefings: number;
  sections: number;
  /** The briefings as their cards show them (complete only when there are no problems). */
  cards: CardBriefing[];
}

export interface CheckRequest {
  contentDir: string;
  displayRoot: string;
  factsFile: string;
  yamlFile: string;
}

/** What the check says before its answer: the YAML is written (only when it is valid). */
export type CheckWord = 'yaml-written';
const YAML_WRITTEN: CheckWord = 'yaml-written';

process.once('message', ({ contentDir, displayRoot, factsFile, yamlFile }: CheckRequest) => {
  const yaml = loadLibrary(contentDir, displayRoot, { sections: false, lines: false });
  if (!yaml.problems.length) {
    writeFileSync(yamlFile, JSON.stringify(yamlOfLibrary(yaml)));
    process.send!(YAML_WRITTEN);
  }
  const { problems, warnings, briefings } = checkLibrary(contentDir, displayRoot);
  if (!problems.length) writeFileSync(factsFile, JSON.stringify(knownSections(briefings)));
  const result: ContentCheck = {
    problems,
    warnings,
    briefings: briefings.length,
    sections: briefings.reduce((n, b) => n + b.sections.length, 0),
    cards: briefings.map((b) => ({
      slug: b.slug,
      title: b.data.title,
      sections: [...b.sections].sort(byReadingOrder).map((s) => ({ slug: s.slug, title: s.data.title })),
    })),
  };
  process.send!(result, () => process.exit(0));
});
