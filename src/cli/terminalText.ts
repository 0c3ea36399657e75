/**
 * Text for one terminal line: line breaks and tabs become spaces, and every other control character
 * (ESC starts escape sequences, OSC 8 makes links, BEL rings) is shown as U+FFFD.
 */
export function terminalSafe(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '\ufffd');
}
