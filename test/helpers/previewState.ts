import type { PreviewState } from '../../src/extension/preview/protocol';

/** A preview's state with no view and empty labels, for tests of the page's HTML. */
export const PLAIN_STATE: PreviewState = {
  resource: 'file:///ws/a.journey.yaml',
  locked: false,
  hidden: [],
  version: 1,
  canExport: true,
  labels: { personas: '', exportSvg: '', exportPng: '', exportHtml: '', exportDisabled: '', findings: '', noFindings: '', errors: '', chartFailed: '', notPreviewable: '', line: '' },
};
