/** Bytes an editor may write for one plan, and bytes that are no plan text: for the decoding tests. */
export const PLAN =
  '{"format":"exchange-port-plan","version":2,"name":"Brüssel ✓ 𝄞","sites":[],"nodes":[],"links":[]}';

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[2 * i + (bigEndian ? 1 : 0)] = code & 0xff;
    bytes[2 * i + (bigEndian ? 0 : 1)] = code >> 8;
  }
  return bytes;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const join2 = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const BOM8 = Uint8Array.of(0xef, 0xbb, 0xbf);

/** Bytes an editor may write for the same plan, and bytes that are no plan text at all. */
export const READABLE: Record<string, Uint8Array> = {
  'UTF-8': utf8(PLAN),
  'UTF-8 with a byte-order mark': join2(BOM8, utf8(PLAN)),
  'UTF-8 with two byte-order marks': join2(BOM8, BOM8, utf8(PLAN)),
  'UTF-16LE with a mark': join2(Uint8Array.of(0xff, 0xfe), utf16(PLAN, false)),
  'UTF-16BE with a mark': join2(Uint8Array.of(0xfe, 0xff), utf16(PLAN, true)),
  'UTF-16LE with two marks': join2(Uint8Array.of(0xff, 0xfe, 0xff, 0xfe), utf16(PLAN, false)),
  'UTF-16LE without a mark': utf16(PLAN, false),
  'UTF-16BE without a mark': utf16(PLAN, true),
};
export const REFUSED: Record<string, [Uint8Array, RegExp]> = {
  'Latin-1': [
    Uint8Array.from([...utf8('{"name":"Br')].concat([0xfc, 0x73, 0x73]).concat([...utf8('el"}')])),
    /not UTF-8 text \(the bytes at offset 1[01]/,
  ],
  'UTF-32': [Uint8Array.of(0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0), /UTF-32/],
  'UTF-16 with a lone surrogate': [
    join2(Uint8Array.of(0xff, 0xfe), utf16('{"a":"\ud800"}', false)),
    /not valid UTF-16LE/,
  ],
};
