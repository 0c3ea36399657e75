/** Types of scripts/preview-page.mjs, for the tests that build the preview's page. */
export function buildPreviewPage(o: { outdir: string; minify?: boolean; entry?: string }): Promise<{ files: string[]; preload: { page: string[]; core: string[]; journey: string[]; inventory: string[] } }>;
export function buildMermaidScript(o: { outfile: string; minify?: boolean }): Promise<void>;
