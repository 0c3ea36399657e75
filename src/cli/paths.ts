import { dirname, findConfigFile, normalize } from '../core';
import { nodeHost, toEnginePath } from '../node/nodeHost';
import { UsageError } from './args';

/**
 * The paths a command works on, absolute and normalized (so "./a.journey.yaml" and
 * "x/../a.journey.yaml" name the file the workspace loads); each must exist. No paths: the whole
 * workspace around the working folder (the nearest peakend.yaml above it), not only the folder.
 */
export async function workspacePaths(given: readonly string[], cwd: string): Promise<string[]> {
  const paths = given.map((p) => normalize(toEnginePath(p, cwd)));
  for (const [i, p] of paths.entries()) {
    if (!(await nodeHost.stat(p))) throw new UsageError(`No such file or folder: ${given[i]}`);
  }
  if (paths.length === 0) {
    const config = await findConfigFile(nodeHost, cwd);
    paths.push(config ? dirname(config) : cwd);
  }
  return paths;
}
