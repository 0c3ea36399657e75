import { jsonSafe, relativePath } from '../../core';
import type { Formatter } from './types';

/** The findings as they are, with paths relative to the working folder. */
export const json: Formatter = (findings, ctx) =>
  jsonSafe(
    JSON.stringify(
      findings.map((f) => ({
        ...f,
        file: relativePath(ctx.cwd, f.file),
        related: f.related?.map((r) => ({ ...r, file: relativePath(ctx.cwd, r.file) })),
        fixes: f.fixes?.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, file: relativePath(ctx.cwd, e.file) })) })),
      })),
      null,
      2,
    ),
  ) + '\n';
