import { createPaths } from '../lib/paths';

/** The site's URLs under the configured base path. */
export const paths = createPaths(import.meta.env.BASE_URL);
