import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every `.yaml` and `.yml` file below a folder, at any depth. */
export function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(e) ? [p] : [];
  });
}
