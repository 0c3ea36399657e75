import type { Position, Range } from '../finding';

/** Maps string offsets to 0-based line/UTF-16 column. `\r\n`, `\r` and `\n` all end a line. */
export class LineIndex {
  private lineStarts?: number[];

  /** `lineStarts`, when given, are the offsets where the text's lines start, as this class counts them. */
  constructor(
    readonly text: string,
    lineStarts?: number[],
  ) {
    this.lineStarts = lineStarts;
  }

  /** Counted on first use: most files of a run that only reports never need a position. */
  private get starts(): number[] {
    if (this.lineStarts) return this.lineStarts;
    const text = this.text;
    const starts = [0];
    if (!text.includes('\r')) {
      // Only "\n" ends a line: the native search is many times faster than a loop over every character.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
      return starts;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
    return starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    let o = Math.max(0, Math.min(offset, this.text.length));
    // Between the "\r" and "\n" of a line break is still the end of the line, not a column past it.
    if (this.text.charCodeAt(o) === 10 && this.text.charCodeAt(o - 1) === 13) o--;
    const starts = this.starts;
    const last = starts.length - 1;
    // Positions are mostly asked for in order: the line of the last answer, or one a few lines on, first.
    let lo = Math.min(this.hint, last);
    if (starts[lo]! <= o) {
      const stop = Math.min(last, lo + 8);
      while (lo < stop && starts[lo + 1]! <= o) lo++;
      if (lo < last && starts[lo + 1]! <= o) lo = this.search(o);
    } else lo = this.search(o);
    this.hint = lo;
    return { line: lo, character: o - starts[lo]! };
  }

  private hint = 0;

  private search(o: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  offset(pos: Position): number {
    const start = this.starts[Math.min(pos.line, this.starts.length - 1)] ?? 0;
    return Math.min(start + pos.character, this.text.length);
  }

  lineStart(line: number): number {
    return this.starts[Math.min(line, this.starts.length - 1)] ?? 0;
  }

  /** The line's text without its line break. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const next = line + 1 < this.starts.length ? this.starts[line + 1]! : this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, '');
  }
}
