// Putting a finished build in place of the output folder, so that a reader, a server or a deploy never
// finds a half-written site there.
//
// The swap is two renames: the current site aside (`.dist.previous-PID`), the new one in (`dist`). A rename
// is atomic, so `dist/` is always one whole site, except for the moment between the two renames, when it is
// absent (a server then answers 404, never a mix of two sites). If the second rename fails, the first is
// undone; if the process dies between them, the next build finds `dist/` missing and its previous site
// beside it, and puts it back before doing anything else. We chose this over a `dist` symlink switched by
// one rename: a symlink is copied as a link by `cp -r`, by some deploy uploads and by `astro preview`'s
// static server, which would then serve or upload nothing.
import { cpSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface SwapOperations {
  rename: (from: string, to: string) => void;
}

const realOperations: SwapOperations = { rename: renameSync };

/** The names of the folders a build of `target` keeps beside it while it runs. */
export const stagingName = (target: string, pid = process.pid) => `.${basename(target)}.building-${pid}`;
export const previousName = (target: string, pid = process.pid) => `.${basename(target)}.previous-${pid}`;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes what interrupted builds of `target` left: staging folders beside it and in `scratchDir`, and the
 * previous site a build had set aside (put back first when `target` itself is missing). Folders of builds
 * still running are left alone. Returns what it did, for the log.
 */
export function cleanLeftovers(target: string, scratchDir?: string): string[] {
  const done: string[] = [];
  const leftovers = (dir: string, pattern: RegExp) =>
    existsSync(dir)
      ? readdirSync(dir)
          .map((name) => ({ name, pid: Number(pattern.exec(name)?.[1]) }))
          .filter(({ pid }) => pid > 0 && pid !== process.pid && !isRunning(pid))
          .map(({ name }) => join(dir, name))
      : [];
  const parent = dirname(target);
  const escaped = basename(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const previous = leftovers(parent, new RegExp(`^\\.${escaped}\\.previous-(\\d+)$`));
  if (!existsSync(target) && previous.length) {
    const newest = previous.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
    renameSync(newest, target);
    done.push(`put back ${basename(target)}/ from ${basename(newest)}, left by an interrupted build`);
  }
  const stale = [
    ...leftovers(parent, new RegExp(`^\\.${escaped}\\.(?:building|previous)-(\\d+)$`)),
    ...(scratchDir
      ? leftovers(scratchDir, /^build-(\d+)(?:-cards|-cites|-facts\.json|-yaml\.json|-citations\.json)?$/)
      : []),
  ].filter((path) => existsSync(path));
  for (const path of stale) {
    rmSync(path, { recursive: true, force: true });
    done.push(`removed ${path}, left by an interrupted build`);
  }
  return done;
}

const device = (path: string) => statSync(path).dev;

/**
 * Moves the finished build in `built` to `target`. A build made on another filesystem is first copied beside
 * `target` (a rename cannot cross filesystems), then swapped in; see the top of this file.
 */
export function publish(built: string, target: string, operations: SwapOperations = realOperations): void {
  const parent = dirname(target);
  let ready = built;
  if (device(dirname(built)) !== device(parent)) {
    ready = join(parent, stagingName(target));
    cpSync(built, ready, { recursive: true });
    rmSync(built, { recursive: true, force: true });
  }
  const previous = join(parent, previousName(target));
  const hadSite = existsSync(target);
  if (hadSite) operations.rename(target, previous);
  try {
    operations.rename(ready, target);
  } catch (error) {
    if (hadSite) operations.rename(previous, target);
    rmSync(ready, { recursive: true, force: true });
    throw error;
  }
  if (hadSite) rmSync(previous, { recursive: true, force: true });
}
