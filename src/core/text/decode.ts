/** Turns file bytes into text. UTF-8 only; a BOM is dropped so that positions match what editors show. */

export type Decoded =
  | { ok: true; text: string; hadBom: boolean }
  | { ok: false; reason: 'utf16' | 'invalid-utf8'; byteOffset: number; line: number; column: number };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeUtf8(bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: 'utf16', byteOffset: 0, line: 0, column: 0 };
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    // Report the position in the text as far as it is valid: the prefix before the bad byte decodes.
    const prefix = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes.subarray(0, bad));
    const lines = prefix.split(/\r\n|\r|\n/);
    return {
      ok: false,
      reason: 'invalid-utf8',
      byteOffset: bad,
      line: lines.length - 1,
      column: lines[lines.length - 1]!.length,
    };
  }
  const hadBom = text.charCodeAt(0) === 0xfeff;
  return { ok: true, text: hadBom ? text.slice(1) : text, hadBom };
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let n = 0;
    let min = 0;
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) (n = 2), (min = 0x800);
    else if (c >= 0xf0 && c <= 0xf4) (n = 3), (min = 0x10000);
    else return i;
    if (i + n >= b.length + (n ? 0 : 1)) return i;
    let cp = n === 0 ? c : c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (n && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) return i;
    i += n + 1;
  }
  return b.length;
}
