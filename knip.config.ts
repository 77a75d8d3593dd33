// knip (run by `npm run lint`): every package a file imports is declared, and no dependency, file or export is
// left unused.
import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  // The sections are content, read by the build, not modules; the benchmark's Starlight site is a project of its own.
  ignore: ['content/**', 'tests/fixtures/**', 'bench/starlight/**'],
  // Loaded by path, where knip cannot see an import: axe's script is injected into the page under test, Inter's
  // font files are read for the social cards.
  ignoreDependencies: ['axe-core', '@fontsource/inter'],
  // Debian's, installed by .ci/run or at hand: the benchmark's certificate, plain BibTeX for the citation tests.
  ignoreBinaries: ['openssl', 'bibtex'],
};

export default config;
