/**
 * The one way a plan file's bytes become text, in the browser ("Import plan",
 * a dropped file) and on the command line alike, so a file opens the same
 * everywhere. Plan files are JSON, which is UTF-8 (RFC 8259), but editors on
 * Windows write a byte-order mark (some write two, after a round trip through
 * a second editor) or save as UTF-16 ("Unicode" in Notepad). Those are read;
 * anything else that is not UTF-8 is refused with a message naming the
 * problem, never read as something else.
 */

export type DecodedText = { ok: true; text: string } | { ok: false; error: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return prefix.every((byte, i) => bytes[at + i] === byte);
}

/**
 * UTF-16 without a mark: a JSON document starts with an ASCII character, so
 * in UTF-16 every other byte of its first characters is zero. Checked over
 * the first few characters, so one NUL in a UTF-8 file does not count.
 */
function unmarkedUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.min(4, Math.floor(bytes.length / 2));
  if (pairs === 0) return null;
  let le = true;
  let be = true;
  for (let i = 0; i < pairs; i++) {
    const first = bytes[2 * i];
    const second = bytes[2 * i + 1];
    le &&= first !== 0 && second === 0;
    be &&= first === 0 && second !== 0;
  }
  return le ? 'utf-16le' : be ? 'utf-16be' : null;
}

/** Where a decoder first fails, for the message: the byte offset of the first bad sequence. */
function firstBadUtf8Byte(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  // The longest prefix without a bad sequence, found by halving: in streaming mode a
  // character cut at the end is not an error, so a bad byte makes every longer prefix bad too.
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
      low = middle;
    } catch {
      high = middle;
    }
  }
  return low;
}

function decodeStrict(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): DecodedText {
  try {
    // ignoreBOM keeps a mark as U+FEFF so that it is stripped below with any second one.
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return { ok: true, text: text.replace(/^\uFEFF+/, '') };
  } catch {
    if (encoding === 'utf-8') {
      const at = firstBadUtf8Byte(bytes);
      return {
        ok: false,
        error: `it is not UTF-8 text (the bytes at offset ${at} are not UTF-8); save it as UTF-8 and try again`,
      };
    }
    return {
      ok: false,
      error: `it is not valid ${encoding.toUpperCase()} text (it has a broken character); save it as UTF-8 and try again`,
    };
  }
}

/**
 * The text of a plan file: UTF-8 with or without byte-order marks (any
 * number of them), or UTF-16 (little or big endian, marked or not). UTF-32
 * and bytes that are not text in those encodings are refused, the message
 * saying why.
 */
export function decodePlanBytes(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0x00, 0x00, 0xfe, 0xff]) || startsWith(bytes, [0xff, 0xfe, 0x00, 0x00])) {
    return {
      ok: false,
      error: 'it is UTF-32 text, which plan files never are; save it as UTF-8 and try again',
    };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return decodeStrict(bytes, 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decodeStrict(bytes, 'utf-16be');
  if (startsWith(bytes, UTF8_BOM)) return decodeStrict(bytes, 'utf-8');
  const utf16 = unmarkedUtf16(bytes);
  return decodeStrict(bytes, utf16 ?? 'utf-8');
}
