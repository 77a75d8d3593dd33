// Fails `astro build` and `astro dev` before anything is rendered when the content folder is broken, with
// the same plain block as `npm run build` (src/content/check.ts): file, line, field, what to write.
// The block is printed alone and the process ends; Astro's "unhandled error in a hook" wrapper and a stack
// trace would only bury it. With DEBUG set, the error is thrown instead, stack and all.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { checkLibrary, ContentError, formatProblems } from './check.ts';
import { CHECKED_ENV } from '../site/build-env.ts';

export function contentCheck(options: { contentDir: string }): AstroIntegration {
  return {
    name: 'reader:content-check',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        if (process.env[CHECKED_ENV]) return;
        const root = fileURLToPath(config.root);
        const { briefings, problems, warnings } = checkLibrary(resolve(root, options.contentDir), root);
        if (warnings.length) logger.warn(formatProblems(warnings, 'warning'));
        if (problems.length) {
          if (process.env.DEBUG) throw new ContentError(problems);
          process.stderr.write(`\n${formatProblems(problems)}\n\nNothing was built.\n`);
          process.exit(1);
        }
        const sections = briefings.reduce((n, b) => n + b.sections.length, 0);
        logger.info(`content ok: ${briefings.length} briefing(s), ${sections} section(s)`);
      },
    },
  };
}
