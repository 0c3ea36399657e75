import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const json = (p: string) => JSON.parse(readFileSync(join(root, p), 'utf8'));

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown: string };
  completionEvents: string[];
}

describe('the Getting Started walkthrough', () => {
  const pkg = json('package.json');
  const steps: Step[] = pkg.contributes.walkthroughs[0].steps;

  it('opens the example, shows the preview, fixes a finding, generates a checklist', () => {
    expect(steps.map((s) => s.id)).toEqual(['openExample', 'preview', 'fixFinding', 'checklist']);
    expect(steps.map((s) => s.completionEvents)).toEqual([
      ['onContext:peakend.hasTouchpoints'],
      ['onCommand:peakend.openPreviewToSide'],
      ['onCommand:workbench.actions.view.problems'],
      ['onCommand:peakend.generateChecklist'],
    ]);
  });

  it('has its media in English and Chinese, in the files the .vsix takes', () => {
    const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8');
    expect(ignore).toContain('!media/walkthrough/*.md');
    for (const nls of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const strings = json(nls);
      for (const s of steps) {
        const media = strings[s.media.markdown.slice(1, -1)] as string;
        expect(media).toMatch(/^media\/walkthrough\/[\w.-]+\.md$/);
        expect(existsSync(join(root, media))).toBe(true);
        // Every command link names a command the walkthrough's step completes on.
        const links = [...(strings[s.description.slice(1, -1)] as string).matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]);
        expect(links.length).toBe(1);
        // A link to a command nobody registers does nothing when clicked: Peakend's must be contributed.
        const contributed = new Set((pkg.contributes.commands as { command: string }[]).map((c) => c.command));
        for (const id of links) if (id!.startsWith('peakend.')) expect(contributed.has(id!), id).toBe(true);
      }
    }
    const zh = json('package.nls.zh-cn.json');
    expect(readFileSync(join(root, zh['walkthrough.checklist.media']), 'utf8')).toMatch(/^# 生成审核检查表/);
  });
});
