/**
 * Names and comment text for firewall rules (SPEC §9). A node name may hold
 * anything a person can type (quotes, semicolons, `#`, braces, backslashes,
 * any script); no platform accepts all of that in an identifier, and a quote
 * or a line break in a comment would end it and let the rest run as a
 * command. So every name is reduced to the platform's identifier alphabet,
 * and every comment loses the characters that could end it.
 */
import { compareStrings } from '../engine/compare';

/** How one platform spells an identifier. */
export interface NameStyle {
  /** Longest identifier the platform takes, in characters (all ASCII). */
  maxLength: number;
  /** The characters an identifier may hold besides ASCII letters and digits. */
  extra: string;
  /** Words the platform reserves (compared case-insensitively): never used as a name. */
  reserved?: readonly string[];
}

/** Line breaks, other control characters and the Unicode line and paragraph separators. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
/** Bidirectional overrides and isolates: they make a comment read differently from what it holds. */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/** Latin letters with accents lose the accent (`Zürich` → `Zurich`); other scripts are left to the caller. */
export function foldToAscii(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * `text` as one safe identifier: letters and digits kept (accents folded),
 * every other run of characters one `_` (or `-` when only that is allowed),
 * starting with a letter, at most `style.maxLength` characters. Never empty.
 */
export function sanitizeName(text: string, style: NameStyle, fallback = 'x'): string {
  const joiner = style.extra.includes('_') ? '_' : (style.extra[0] ?? '');
  const allowed = new RegExp(`[^A-Za-z0-9${escapeClass(style.extra)}]+`, 'g');
  let name = foldToAscii(text).replace(allowed, joiner);
  if (joiner) {
    const runs = new RegExp(`${escapeClass(joiner)}{2,}`, 'g');
    name = name.replace(runs, joiner);
    name = trimChar(name, joiner);
  }
  if (!/^[A-Za-z]/.test(name)) name = `${fallback}${joiner}${name}`;
  name = trimChar(name.slice(0, style.maxLength), joiner);
  return name || fallback;
}

function trimChar(text: string, c: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === c) start++;
  while (end > start && text[end - 1] === c) end--;
  return text.slice(start, end);
}

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, (c) => `\\${c}`);
}

/**
 * Gives every key a distinct identifier made from its wanted name. Keys are
 * taken in order of (sanitized name, key), so the same plan always gives the
 * same names whatever the order of its arrays; the first keeps the plain
 * name, later ones get `_2`, `_3`, … (shortened to fit the length limit).
 * Names are distinct case-insensitively, as several platforms compare them so.
 */
export function assignNames(
  wanted: ReadonlyArray<{ key: string; name: string }>,
  style: NameStyle,
  taken: Set<string> = new Set(),
  fallback = 'x',
): Map<string, string> {
  const used = taken;
  for (const word of style.reserved ?? []) used.add(word.toLowerCase());
  const items = wanted
    .map(({ key, name }) => ({ key, base: sanitizeName(name, style, fallback) }))
    .sort((x, y) => compareStrings(x.base, y.base) || compareStrings(x.key, y.key));
  const sep = style.extra.includes('_') ? '_' : (style.extra[0] ?? '');
  const names = new Map<string, string>();
  for (const { key, base } of items) {
    if (names.has(key)) continue;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = `${sep}${n}`;
      name = `${base.slice(0, style.maxLength - suffix.length)}${suffix}`;
    }
    used.add(name.toLowerCase());
    names.set(key, name);
  }
  return names;
}

/** How one platform writes free text (a comment, remark or description). */
export interface TextStyle {
  /** Longest text, in UTF-8 bytes. */
  maxBytes: number;
  /** Characters removed because they would end or escape the text (a quote, a backslash). */
  forbidden?: string;
  /** Keep only printable ASCII (platforms whose consoles mangle other characters). */
  ascii?: boolean;
}

/**
 * `text` made safe as a comment: control characters, line breaks and
 * bidirectional overrides become spaces, the platform's forbidden characters
 * go, spaces collapse, and it is cut to the byte limit (an ellipsis marks the cut).
 */
export function cleanText(text: string, style: TextStyle): string {
  let out = text.replace(CONTROL, ' ').replace(BIDI, '');
  if (style.ascii) out = foldToAscii(out).replace(/[^\x20-\x7e]/g, '?');
  if (style.forbidden) {
    const forbidden = new RegExp(`[${escapeClass(style.forbidden)}]`, 'g');
    out = out.replace(forbidden, '');
  }
  out = out.replace(/\s+/g, ' ').trim();
  return cutToBytes(out, style.maxBytes, style.ascii ? '...' : '…');
}

const encoder = new TextEncoder();

function cutToBytes(text: string, maxBytes: number, ellipsis: string): string {
  if (encoder.encode(text).length <= maxBytes) return text;
  const room = maxBytes - encoder.encode(ellipsis).length;
  let bytes = 0;
  let out = '';
  for (const ch of text) {
    const size = encoder.encode(ch).length;
    if (bytes + size > room) break;
    bytes += size;
    out += ch;
  }
  return `${out.trimEnd()}${ellipsis}`;
}

/** Splits a long text into lines of at most `maxBytes` each, at spaces where it can (for remark lines). */
export function wrapText(text: string, maxBytes: number): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (encoder.encode(next).length <= maxBytes) line = next;
    else {
      if (line) lines.push(line);
      line = '';
      for (const ch of word) {
        if (encoder.encode(line + ch).length > maxBytes) {
          lines.push(line);
          line = '';
        }
        line += ch;
      }
    }
  }
  if (line) lines.push(line);
  return lines;
}
