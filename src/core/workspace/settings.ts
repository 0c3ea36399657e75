import type { PeakendConfig } from '../config/config';
import type { Finding } from '../finding';
import type { FileModel } from '../model/types';

/** Applies the config's severity overrides and the files' disable comments. */
export function applySettings(findings: readonly Finding[], config: PeakendConfig, files: ReadonlyMap<string, FileModel>): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const setting = config.rules[f.ruleId];
    if (setting === 'off') continue;
    const silenced = files.get(f.file)?.suppressions.get(f.range.start.line);
    if (silenced && (silenced.size === 0 || silenced.has(f.ruleId))) continue;
    out.push(setting && setting !== f.severity ? { ...f, severity: setting } : f);
  }
  return out;
}
