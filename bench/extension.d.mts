// Types of what bench/extension.mjs exports, for the tests that generate its workspaces.
export function generateJourneyWorkspace(
  dir: string,
  steps: number,
  personas?: number,
): { journey: string; lines: number; bytes: number; targets: { step: number; line: number; character: number; text: string }[] };
