// Run by tools/build.ts in a worker thread: checks the content (src/content/check.ts) and posts back only
// what the build prints. The check parses every section into a tree; in a worker, that memory (some 250 MB at 1,000
// briefings) goes when the worker ends, where in the build's own process it would stay for the whole build, since
// a process that then only waits for Astro never collects it.
import { parentPort, workerData } from 'node:worker_threads';
import { checkLibrary, type LibraryCheck } from '../src/content/check.ts';

export interface ContentCheck extends Pick<LibraryCheck, 'problems' | 'warnings'> {
  briefings: number;
  sections: number;
}

const { contentDir, displayRoot } = workerData as { contentDir: string; displayRoot: string };
const { problems, warnings, briefings } = checkLibrary(contentDir, displayRoot);
const result: ContentCheck = {
  problems,
  warnings,
  briefings: briefings.length,
  sections: briefings.reduce((n, b) => n + b.sections.length, 0),
};
parentPort!.postMessage(result);
