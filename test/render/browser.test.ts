/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The charts rendered for real: Mermaid's browser bundles (10.9.5 and 11.17.2) in headless Debian
 * Chromium. PNGs go to test-output/render/ for people to look at.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JourneyAnalysis } from '../../src/core/analysis/types';
import { emotionCurve, plottedPersonas, seriesValues } from '../../src/core/render/emotionCurve';
import { ipaChart } from '../../src/core/render/ipaChart';
import { markersAt } from '../../src/core/render/markers';
import { launch, mermaidPage, render, screenshot } from '../helpers/browser';
import { homeowner, inventory, longJourney } from './fixtures';
import { exampleAnalyses } from './corpus';
import { REPO } from '../helpers/browser';

let browser: Awaited<ReturnType<typeof launch>>;
const pages: Partial<Record<'v10' | 'v11', Page>> = {};
beforeAll(async () => {
  browser = await launch();
  pages.v10 = await mermaidPage(browser.context, 'v10');
  pages.v11 = await mermaidPage(browser.context, 'v11');
}, 60000);
afterAll(async () => browser?.close());

/** What the rendered xychart shows: each line's points (in SVG coordinates) and the texts with their x. */
async function inspectXy(page: Page) {
  return page.evaluate(() => {
    const svg = document.querySelector('#out svg')!;
    const plotPaths = [...svg.querySelectorAll('path')].filter((p) => /line-plot-\d+/.test(p.parentElement?.getAttribute('class') ?? ''));
    const texts = [...svg.querySelectorAll('text')].map((t) => {
      const r = t.getBoundingClientRect();
      return { text: t.textContent ?? '', x: r.x + r.width / 2, width: r.width, group: t.closest('g[class^="line-plot-"]')?.getAttribute('class') ?? '', legend: Boolean(t.closest('g.legend')) };
    });
    const svgBox = svg.getBoundingClientRect();
    return {
      paths: plotPaths.map((p) => [...(p.getAttribute('d') ?? '').matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as [number, number])),
      texts,
      ctm: (() => {
        const m = (svg.querySelector('g[class^="line-plot-"]') as SVGGraphicsElement | null)?.getScreenCTM();
        return m ? { a: m.a, e: m.e } : { a: 1, e: svgBox.x };
      })(),
    };
  });
}

function expectedMarkers(a: JourneyAnalysis) {
  return plottedPersonas(a).flatMap((p, line) => a.steps.filter((s) => markersAt(p, s.index)).map((s) => ({ line, index: s.index, text: `${markersAt(p, s.index)} ${s.scores[p.persona]! > 0 ? '+' : ''}${s.scores[p.persona]}` })));
}

describe('emotion curve in Chromium', () => {
  it('rich on 11.17: one line per persona plus neutral, markers over the right steps, Chinese text drawn', async () => {
    const a = homeowner();
    const page = pages.v11!;
    await render(page, emotionCurve(a));
    const r = await inspectXy(page);
    expect(r.paths).toHaveLength(3);
    for (const [i, p] of plottedPersonas(a).entries()) {
      expect(r.paths[i]).toHaveLength(a.steps.length);
      // Vertical order of the points follows the values (SVG y grows downwards).
      const values = seriesValues(a, p.persona);
      for (let k = 1; k < values.length; k++) expect(Math.sign(r.paths[i]![k - 1]![1] - r.paths[i]![k]![1])).toBe(Math.sign(values[k]! - values[k - 1]!));
    }
    const neutralY = new Set(r.paths[2]!.map((pt) => pt[1]));
    expect(neutralY.size).toBe(1);
    // Each marker label sits over its step's point (in screen coordinates) and names the value.
    for (const m of expectedMarkers(a)) {
      const label = r.texts.find((t) => t.text === m.text && t.group === `line-plot-${m.line}`);
      expect(label, m.text).toBeDefined();
      const px = r.ctm.e + r.ctm.a * r.paths[m.line]![m.index]![0];
      expect(Math.abs(label!.x - px)).toBeLessThan(1.5);
    }
    const chinese = r.texts.find((t) => t.text === '1 看到网络广告');
    expect(chinese?.width).toBeGreaterThan(40);
    await screenshot(page, 'emotion-curve-rich');
    // The legend names every line.
    const legend = r.texts.filter((t) => t.legend).map((t) => t.text);
    expect(legend).toEqual(['首次购房者', 'Upgrader; "second home"', 'neutral (0)']);
  });

  for (const version of ['v10', 'v11'] as const) {
    it(`portable on ${version}: markers in the axis labels, Chinese text drawn`, async () => {
      const a = homeowner();
      const page = pages[version]!;
      await render(page, emotionCurve(a, { variant: 'portable' }));
      const r = await inspectXy(page);
      expect(r.paths).toHaveLength(3);
      for (const label of ['3 陪同验房 ▼A▼B', '4 领取钥匙 ▲A', '6 renew ●A●B']) expect(r.texts.map((t) => t.text)).toContain(label);
      await screenshot(page, `emotion-curve-portable-${version}`);
    });
  }

  it('a long journey on a numeric axis: 120 steps, 3 personas', async () => {
    const page = pages.v11!;
    await render(page, emotionCurve(longJourney(120, 3)));
    const r = await inspectXy(page);
    expect(r.paths).toHaveLength(4);
    expect(r.paths[0]).toHaveLength(120);
    await screenshot(page, 'emotion-curve-long');
  });
});

describe('the example journeys in Chromium', () => {
  it('homeowner and support-chat: one line per persona, markers over their steps, the Chinese labels drawn', async () => {
    const { journeys } = await exampleAnalyses(REPO);
    expect(journeys.map((j) => j.journeyId).sort()).toEqual(['homeowner', 'support-chat']);
    for (const a of journeys) {
      for (const [variant, version] of [['rich', 'v11'], ['portable', 'v10']] as const) {
        const page = pages[version]!;
        await render(page, emotionCurve(a, { variant }));
        const r = await inspectXy(page);
        expect(r.paths).toHaveLength(plottedPersonas(a).length + 1);
        for (const path of r.paths) expect(path).toHaveLength(a.steps.length);
        if (variant === 'rich') {
          for (const m of expectedMarkers(a)) {
            const label = r.texts.find((t) => t.text === m.text && t.group === `line-plot-${m.line}`);
            expect(label, `${a.journeyId} ${m.text}`).toBeDefined();
            expect(Math.abs(label!.x - (r.ctm.e + r.ctm.a * r.paths[m.line]![m.index]![0]))).toBeLessThan(1.5);
          }
        }
        if (a.journeyId === 'homeowner') {
          const label = r.texts.find((t) => t.text.startsWith('5 陪同验房'));
          expect(label?.width).toBeGreaterThan(40);
          if (variant === 'portable') expect(label?.text).toBe('5 陪同验房 ▼A▼B');
        }
        await screenshot(page, `example-${a.journeyId}-${variant}-${version}`);
      }
    }
  });
});

describe('importance–performance chart in Chromium', () => {
  for (const [variant, version] of [['rich', 'v11'], ['portable', 'v10'], ['portable', 'v11']] as const) {
    it(`${variant} on ${version}: every point in its quadrant, Chinese labels drawn`, async () => {
      const a = inventory();
      const page = pages[version]!;
      await render(page, ipaChart(a, { variant }));
      const r = await page.evaluate(() => {
        const svg = document.querySelector('#out svg')!;
        const quadrants = [...svg.querySelectorAll('.quadrant rect, g.quadrants rect')].map((q) => q.getBoundingClientRect()).map((b) => ({ x: b.x, y: b.y, w: b.width, h: b.height }));
        const points = [...svg.querySelectorAll('circle')].map((c) => {
          const b = c.getBoundingClientRect();
          const label = c.parentElement?.querySelector('text')?.textContent ?? '';
          return { x: b.x + b.width / 2, y: b.y + b.height / 2, label, fill: c.getAttribute('fill') };
        });
        const texts = [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent, width: t.getBoundingClientRect().width }));
        return { quadrants, points, texts };
      });
      expect(r.points).toHaveLength(5);
      const xs = r.quadrants.map((q) => [q.x, q.x + q.w]).flat();
      const ys = r.quadrants.map((q) => [q.y, q.y + q.h]).flat();
      const midX = (Math.min(...xs) + Math.max(...xs)) / 2;
      const midY = (Math.min(...ys) + Math.max(...ys)) / 2;
      const at = (label: string) => r.points.find((p) => p.label === label)!;
      // Concentrate here: top left (high importance, low performance).
      expect(at('交房验收').x).toBeLessThan(midX);
      expect(at('交房验收').y).toBeLessThan(midY);
      expect(at('ad-online').x).toBeLessThan(midX);
      expect(at('ad-online').y).toBeGreaterThan(midY);
      expect(at('Sales <site> &…').x).toBeGreaterThan(midX);
      expect(at('Sales <site> &…').y).toBeGreaterThan(midY);
      expect(r.texts.find((t) => t.text === '交房验收')!.width).toBeGreaterThan(30);
      if (variant === 'rich') expect(at('交房验收').fill).toBe('#dc2626');
      await screenshot(page, `ipa-${variant}-${version}`);
    });
  }
});
