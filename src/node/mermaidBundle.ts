import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * The text of Mermaid's single-file browser bundle, found through package resolution from this
 * module (dist/cli-main.js in the build), so the installed `mermaid` dependency is the one inlined.
 */
export async function readMermaidBundle(): Promise<string> {
  const require = createRequire(import.meta.url);
  return readFile(require.resolve('mermaid/dist/mermaid.min.js'), 'utf8');
}
