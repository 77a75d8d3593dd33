// The content check of `npm run build` (scripts/build.ts), run in a worker thread: everything it read (every YAML
// document with its lines, every section's facts) is freed when the worker ends, instead of being held by the build
// script, which waits for Astro, for the whole build (hundreds of megabytes at 1,000 briefings).
import { parentPort, workerData } from 'node:worker_threads';
import { checkLibrary } from '../src/lib/validate-library.ts';
import type { ContentProblem } from '../src/lib/content-problems.ts';

export interface CheckSummary {
  problems: ContentProblem[];
  warnings: ContentProblem[];
  briefings: number;
  sections: number;
}

const { contentDir, root } = workerData as { contentDir: string; root: string };
const { briefings, problems, warnings } = checkLibrary(contentDir, root);
parentPort!.postMessage({
  problems,
  warnings,
  briefings: briefings.length,
  sections: briefings.reduce((n, b) => n + b.sections.length, 0),
} satisfies CheckSummary);
