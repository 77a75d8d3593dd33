import { createSharePaths } from '../lib/share-paths';

/** Card, citation, calendar and feed URLs under the configured base path. */
export const sharePaths = createSharePaths(import.meta.env.BASE_URL);
