// Run by tools/build.ts as a child process: checks the content (src/content/check.ts) and sends back only what the
// build prints, and the titles the social cards show; what the pages need of each section's text is written into
// the file `factsFile` (SECTION_FACTS in src/site/build-env.ts), and the YAML it validated into `yamlFile`
// (CHECKED_YAML), for Astro's data collections. The check parses every section into a tree; in a
// process of its own, that memory (some 250 MB at 1,000 briefings) all goes back to the system when it ends, where
// in the build's own process (or a worker thread of it) some would stay held while the build waits for Astro.
import { writeFileSync } from 'node:fs';
import { checkLibrary, knownSections, type LibraryCheck } from '../src/content/check.ts';
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

process.once('message', ({ contentDir, displayRoot, factsFile, yamlFile }: CheckRequest) => {
  const { problems, warnings, briefings, searchAliases } = checkLibrary(contentDir, displayRoot);
  if (!problems.length) {
    writeFileSync(factsFile, JSON.stringify(knownSections(briefings)));
    writeFileSync(yamlFile, JSON.stringify(yamlOfLibrary({ briefings, searchAliases })));
  }
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
