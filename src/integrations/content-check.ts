// Fails `astro build` and `astro dev` before anything is rendered when the content folder is broken,
// naming the file and the field (see src/lib/validate-library.ts).
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { validateLibrary } from '../lib/validate-library';

export function contentCheck(options: { contentDir: string }): AstroIntegration {
  return {
    name: 'reader:content-check',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const root = fileURLToPath(config.root);
        const briefings = validateLibrary(resolve(root, options.contentDir), root);
        const sections = briefings.reduce((n, b) => n + b.sections.length, 0);
        logger.info(`content ok: ${briefings.length} briefing(s), ${sections} section(s)`);
      },
    },
  };
}
