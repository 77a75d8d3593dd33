// Says, at the start of a production build, when READER_SITE is unset: the build then writes the local
// preview's address into every absolute URL, which is right for `npm start` and wrong for a deploy. A warning,
// not a failure, so local builds, the tests and CI (which build for the local preview) need no setting.
import type { AstroIntegration } from 'astro';
import { siteWarning } from './config';

export function deploySettings(): AstroIntegration {
  return {
    name: 'reader:deploy-settings',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const warning = command === 'build' ? siteWarning() : undefined;
        if (warning) logger.warn(warning);
      },
    },
  };
}
