import * as vscode from 'vscode';
import type { Preview } from './preview';

/** Where an export goes: a file given by a caller (tests, the benchmark), else the save dialog asks. */
export type ExportTarget = vscode.Uri;

const FILTERS: Record<'svg' | 'png' | 'html', Record<string, string[]>> = {
  svg: { SVG: ['svg'] },
  png: { PNG: ['png'] },
  html: { HTML: ['html'] },
};

/** foo.journey.yaml → foo.journey.svg beside it (the last extension replaced). */
export function defaultExportName(resource: vscode.Uri, format: string): vscode.Uri {
  const name = resource.path.slice(resource.path.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');
  return vscode.Uri.joinPath(resource, '..', `${name}.${format}`);
}

export async function exportPreview(p: Preview, format: 'svg' | 'png' | 'html', target: ExportTarget | undefined, html: () => Promise<string>): Promise<vscode.Uri | undefined> {
  const bytes = format === 'html' ? new TextEncoder().encode(await html()) : format === 'svg' ? new TextEncoder().encode(await p.chartData('svg')) : base64Bytes(await p.chartData('png'));
  const to = target ?? (await vscode.window.showSaveDialog({ defaultUri: defaultExportName(p.resource, format), filters: FILTERS[format], saveLabel: vscode.l10n.t('Export') }));
  if (!to) return undefined;
  await writeAtomic(to, bytes);
  return to;
}

/** A temporary file with a random name beside the target, then a rename over it: no half-written file. */
async function writeAtomic(to: vscode.Uri, bytes: Uint8Array): Promise<void> {
  const name = to.path.slice(to.path.lastIndexOf('/') + 1);
  const random = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(6)), (b) => b.toString(16).padStart(2, '0')).join('');
  const tmp = vscode.Uri.joinPath(to, '..', `.${name}.${random}.tmp`);
  await vscode.workspace.fs.writeFile(tmp, bytes);
  try {
    await vscode.workspace.fs.rename(tmp, to, { overwrite: true });
  } catch (e) {
    await Promise.resolve(vscode.workspace.fs.delete(tmp)).catch(() => undefined);
    throw e;
  }
}

function base64Bytes(b64: string): Uint8Array {
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}
