// The source gates: ESLint (eslint.config.js), Prettier (.prettierrc.json) and `astro check`, as `npm run lint` runs them.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';

describe('lint', () => {
  it('ESLint reports no error and no warning', async () => {
    const results = await new ESLint().lintFiles(['.']);
    const problems = results.filter((r) => r.errorCount + r.warningCount > 0);
    const formatter = await new ESLint().loadFormatter('stylish');
    expect(problems.length, await formatter.format(problems)).toBe(0);
  });

  it('Prettier finds every file formatted', async () => {
    expect(await prettier.resolveConfigFile('package.json')).toMatch(/\.prettierrc\.json$/);
    const listed = spawnSync(process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--list-different', '.'], {
      encoding: 'utf8',
    });
    expect(listed.stderr).toBe('');
    expect(listed.stdout.split('\n').filter(Boolean)).toEqual([]);
  });

  it('astro check reports no error, warning or hint', () => {
    const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'check'], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    const output = result.stdout + result.stderr;
    expect(result.status, output).toBe(0);
    expect(output).toMatch(/- 0 errors\s+- 0 warnings\s+- 0 hints/);
  }, 150_000);
});
