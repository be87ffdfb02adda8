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

/** Printable ASCII only: nothing to fold, strip or measure in bytes. */
const PLAIN = /^[\x20-\x7e]*$/;

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
  const { joiner } = alphabetOf(style.extra);
  let name = nameCore(text, style.extra);
  const first = name.charCodeAt(0);
  if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122))) name = `${fallback}${joiner}${name}`;
  name = trimChar(name.slice(0, style.maxLength), joiner);
  return name || fallback;
}

/**
 * {@link sanitizeName} without the length limit: what styles of one alphabet
 * (`extra`) share, each cutting it to its length with {@link fitName}, so a
 * name met in several such styles is read once. `fitName(nameBase(t, s.extra), s)`
 * is `sanitizeName(t, s)`.
 */
export function nameBase(text: string, extra: string, fallback = 'x'): string {
  return sanitizeName(text, { maxLength: Number.POSITIVE_INFINITY, extra }, fallback);
}

/**
 * The kept runs of `text` joined, as {@link sanitizeName} joins them, before
 * any prefix or cut: '' when it keeps nothing. What {@link pairBase} makes a
 * rule's base from.
 */
export function nameCore(text: string, extra: string): string {
  const { joiner, allowed } = alphabetOf(extra);
  const source = PLAIN.test(text) ? text : foldToAscii(text);
  // One pass: runs of kept characters are kept, and every run of other characters (or of
  // the joiner itself) between two of them becomes one joiner; runs at either end go.
  // Joined from slices, the name is one flat string: every line that names it copies it at once.
  const runs: string[] = [];
  let start = -1;
  for (let i = 0; i <= source.length; i++) {
    const c = i < source.length ? source.charCodeAt(i) : -1;
    if (c >= 0 && c < 128 && allowed[c] === 1) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      runs.push(source.slice(start, i));
      start = -1;
    }
  }
  return runs.join(joiner);
}

/**
 * `nameBase(\`${a} to ${b}\`, extra)` (a rule's label, model.ts) from the
 * {@link nameCore}s of `a` and `b`, each made once for every rule naming it:
 * the spaces around `to` separate runs in an alphabet without a space, and
 * folding accents never reaches across a space, so the label keeps its
 * ends' runs around `to`.
 */
export function pairBase(coreA: string, coreB: string, extra: string, fallback = 'x'): string {
  if (extra.includes(' ')) throw new Error('pairBase: an alphabet with a space keeps the label whole');
  const { joiner } = alphabetOf(extra);
  let name = coreA ? `${coreA}${joiner}to` : 'to';
  if (coreB) name = `${name}${joiner}${coreB}`;
  const first = name.charCodeAt(0);
  if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122))) name = `${fallback}${joiner}${name}`;
  return trimChar(name, joiner) || fallback;
}

/** A {@link nameBase} cut to the style's length, as {@link sanitizeName} cuts. */
export function fitName(base: string, style: NameStyle, fallback = 'x'): string {
  if (base.length <= style.maxLength) return base;
  return trimChar(base.slice(0, style.maxLength), alphabetOf(style.extra).joiner) || fallback;
}

/** The joiner of an identifier alphabet, and which ASCII characters it keeps (the joiner itself is a separator). */
const alphabets = new Map<string, { joiner: string; allowed: Uint8Array }>();

function alphabetOf(extra: string): { joiner: string; allowed: Uint8Array } {
  let a = alphabets.get(extra);
  if (!a) {
    const joiner = extra.includes('_') ? '_' : (extra[0] ?? '');
    const allowed = new Uint8Array(128);
    for (let c = 0; c < 128; c++) {
      const ch = String.fromCharCode(c);
      if (/[A-Za-z0-9]/.test(ch) || (extra.includes(ch) && ch !== joiner)) allowed[c] = 1;
    }
    a = { joiner, allowed };
    alphabets.set(extra, a);
  }
  return a;
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
  alsoTaken?: ReadonlySet<string>,
): Map<string, string> {
  reserve(taken, style);
  const items = wanted
    .map(({ key, name }) => ({ key, base: sanitizeName(name, style, fallback) }))
    .sort((x, y) => compareStrings(x.base, y.base) || compareStrings(x.key, y.key));
  const names = new Map<string, string>();
  for (const { key, base } of items) {
    if (!names.has(key)) names.set(key, claim(base, style, taken, alsoTaken));
  }
  return names;
}

/**
 * As {@link assignNames} with each name's position as its key (of two equal
 * names the earlier is first): the identifiers in the order of `wanted`.
 * `sanitize` turns a wanted name into its base, for a caller that meets the
 * same names often (a pair of nodes is a rule on every firewall between them).
 */
export function assignNameList(
  wanted: readonly string[],
  style: NameStyle,
  taken: Set<string> = new Set(),
  alsoTaken?: ReadonlySet<string>,
  sanitize: (name: string) => string = (name) => sanitizeName(name, style),
): string[] {
  reserve(taken, style);
  const bases = wanted.map(sanitize);
  const order = bases.map((_, i) => i);
  order.sort((i, j) => compareStrings(bases[i] as string, bases[j] as string) || i - j);
  const names: string[] = new Array(bases.length);
  for (const i of order) names[i] = claim(bases[i] as string, style, taken, alsoTaken);
  return names;
}

function reserve(used: Set<string>, style: NameStyle): void {
  for (const word of style.reserved ?? []) used.add(word.toLowerCase());
}

/** `base`, or the first of `base_2`, `base_3`, … that is free; marked as used. */
function claim(base: string, style: NameStyle, used: Set<string>, alsoTaken?: ReadonlySet<string>): string {
  const sep = style.extra.includes('_') ? '_' : (style.extra[0] ?? '');
  let name = base;
  let lower = name.toLowerCase();
  for (let n = 2; used.has(lower) || alsoTaken?.has(lower) === true; n++) {
    const suffix = `${sep}${n}`;
    name = `${base.slice(0, style.maxLength - suffix.length)}${suffix}`;
    lower = name.toLowerCase();
  }
  used.add(lower);
  return name;
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
  const plain = plainness(text, style);
  // Most texts are printable ASCII already, single-spaced and short enough: they are what they are.
  if (plain === CLEAN) return text;
  // Clean but too long (a rule's own summary in a comment): only cut.
  if (plain === LONG_TEXT) return cutToBytes(text, style.maxBytes, style.ascii ? '...' : '…');
  // Other printable ASCII is quick to clean and rarely seen twice.
  if (plain === PLAIN_TEXT) return cleanTextOnce(text, style);
  // The rest (other scripts, control characters) recur in every rule and format: each text is cleaned once per style.
  let cache = cleaned.get(style);
  if (!cache) {
    cache = new Map();
    cleaned.set(style, cache);
  }
  let out = cache.get(text);
  if (out === undefined) {
    out = cleanTextOnce(text, style);
    // Bounded, so a long-running page does not keep every text it ever cleaned.
    if (cache.size > 50_000) cache.clear();
    cache.set(text, out);
  }
  return out;
}

/**
 * The characters a text style may forbid that {@link textShape} records, one
 * bit each: the quotes, backslash and `#` that end or escape a comment.
 */
const SHAPE_CHARS = '"\\\'#';
/** The bit of a shape that says cleaning must read the text itself: not printable ASCII, or a space out of place. */
const IRREGULAR = 1 << SHAPE_CHARS.length;
const SHAPE_BITS = new Uint8Array(128);
for (let k = 0; k < SHAPE_CHARS.length; k++) SHAPE_BITS[SHAPE_CHARS.charCodeAt(k)] = 1 << k;

/**
 * What {@link cleanText} needs to know of a text, read once for a text that
 * is cleaned in several styles (a rule's summary and heading are in four
 * formats each): {@link IRREGULAR} unless it is printable ASCII, with no
 * space at either end and never two in a row, and a bit for each of
 * {@link SHAPE_CHARS} it holds.
 */
export function textShape(text: string): number {
  let shape = 0;
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return IRREGULAR;
    if (c === 0x20) {
      if (space) shape |= IRREGULAR;
      space = true;
    } else {
      shape |= SHAPE_BITS[c] as number;
      space = false;
    }
  }
  return text.length > 0 && space ? shape | IRREGULAR : shape;
}

/** A style's forbidden characters as shape bits; null when it forbids one a shape does not record. */
const shapeMasks = new Map<string, number | null>();

function shapeMaskOf(forbidden: string): number | null {
  let mask = shapeMasks.get(forbidden);
  if (mask === undefined) {
    mask = 0;
    for (const ch of forbidden) {
      const k = SHAPE_CHARS.indexOf(ch);
      if (k === -1) {
        mask = null;
        break;
      }
      mask |= 1 << k;
    }
    shapeMasks.set(forbidden, mask);
  }
  return mask;
}

/** `cleanText(text, style)` for a text whose {@link textShape} is known: a text needing nothing but a cut is not read again. */
export function cleanShaped(text: string, shape: number, style: TextStyle): string {
  const forbidden = style.forbidden ? shapeMaskOf(style.forbidden) : 0;
  if (forbidden === null || (shape & (IRREGULAR | forbidden)) !== 0) return cleanText(text, style);
  return text.length <= style.maxBytes ? text : cutToBytes(text, style.maxBytes, style.ascii ? '...' : '…');
}

/**
 * `cleanText(\`${name}: ${text}\`, style)` for a text whose shape is known: a
 * rule's name (short) is read, its summary or heading (long) is not. Between
 * a name and a text that neither begin nor end with a space, `: ` puts no
 * space out of place, so the whole's shape is the two shapes together.
 */
export function cleanNamed(name: string, text: string, shape: number, style: TextStyle): string {
  const whole = name.length > 0 && text.length > 0 ? textShape(name) | shape : IRREGULAR;
  return cleanShaped(`${name}: ${text}`, whole, style);
}

/** Cleaning leaves the text as it is. */
const CLEAN = 0;
/** Clean printable ASCII past the byte limit: it is only cut. */
const LONG_TEXT = 1;
/** Printable ASCII that cleaning changes otherwise: a forbidden character or spaces to fold. */
const PLAIN_TEXT = 2;
/** Other characters. */
const OTHER_TEXT = 3;

type Plainness = typeof CLEAN | typeof LONG_TEXT | typeof PLAIN_TEXT | typeof OTHER_TEXT;

/**
 * How much cleaning `text` needs: none when it is printable ASCII (so one
 * byte a character) within the byte limit, with no forbidden character, no
 * space at either end and never two in a row; only a cut when it is all
 * that but too long.
 */
function plainness(text: string, style: TextStyle): Plainness {
  const n = text.length;
  const forbidden = style.forbidden ? forbiddenTableOf(style.forbidden) : null;
  let changed = false;
  let space = true;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return OTHER_TEXT;
    if (c === 0x20) {
      if (space) changed = true;
      space = true;
    } else {
      if (forbidden !== null && forbidden[c] === 1) changed = true;
      space = false;
    }
  }
  if (changed || (n > 0 && space)) return PLAIN_TEXT;
  return n > style.maxBytes ? LONG_TEXT : CLEAN;
}

const forbiddenTables = new Map<string, Uint8Array>();

function forbiddenTableOf(chars: string): Uint8Array {
  let table = forbiddenTables.get(chars);
  if (!table) {
    table = new Uint8Array(128);
    for (const ch of chars) {
      const c = ch.charCodeAt(0);
      if (c < 128) table[c] = 1;
    }
    forbiddenTables.set(chars, table);
  }
  return table;
}

const forbiddenPatterns = new Map<string, RegExp>();

function forbiddenOf(chars: string): RegExp {
  let p = forbiddenPatterns.get(chars);
  if (!p) {
    p = new RegExp(`[${escapeClass(chars)}]`, 'g');
    forbiddenPatterns.set(chars, p);
  }
  return p;
}

const cleaned = new WeakMap<TextStyle, Map<string, string>>();

function cleanTextOnce(text: string, style: TextStyle): string {
  let out = PLAIN.test(text) ? text : text.replace(CONTROL, ' ').replace(BIDI, '');
  if (style.ascii && !PLAIN.test(out)) out = foldToAscii(out).replace(/[^\x20-\x7e]/g, '?');
  if (style.forbidden) out = out.replace(forbiddenOf(style.forbidden), '');
  out = out.replace(/\s+/g, ' ').trim();
  return cutToBytes(out, style.maxBytes, style.ascii ? '...' : '…');
}

/** UTF-8 length without encoding: 1 byte below U+0080, 2 below U+0800, 4 for a surrogate pair, else 3. */
function byteLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function cutToBytes(text: string, maxBytes: number, ellipsis: string): string {
  const size = byteLength(text);
  if (size <= maxBytes) return text;
  const room = maxBytes - byteLength(ellipsis);
  // ASCII: a character is a byte.
  if (size === text.length) return `${text.slice(0, Math.max(0, room)).trimEnd()}${ellipsis}`;
  let bytes = 0;
  let out = '';
  for (const ch of text) {
    const size = byteLength(ch);
    if (bytes + size > room) break;
    bytes += size;
    out += ch;
  }
  return `${out.trimEnd()}${ellipsis}`;
}

/**
 * Splits a long text into lines of at most `maxBytes` each, at spaces where it
 * can (for remark lines). Each line is a slice of `text`, so writing it out
 * copies one piece rather than walking a chain of appended words.
 */
export function wrapText(text: string, maxBytes: number): string[] {
  const lines: string[] = [];
  // The line being filled is text.slice(start, end); it is empty when start === end.
  let start = 0;
  let end = 0;
  let size = 0;
  // The words are found in place (as split(' ') would give them) and measured without copying when all is ASCII.
  const ascii = byteLength(text) === text.length;
  for (let wordStart = 0; wordStart <= text.length; ) {
    const space = text.indexOf(' ', wordStart);
    const wordEnd = space === -1 ? text.length : space;
    const wordSize = ascii ? wordEnd - wordStart : byteLength(text.slice(wordStart, wordEnd));
    if (end > start && size + 1 + wordSize <= maxBytes) {
      end = wordEnd;
      size += 1 + wordSize;
    } else if (end === start && wordSize <= maxBytes) {
      start = wordStart;
      end = wordEnd;
      size = wordSize;
    } else {
      if (end > start) lines.push(text.slice(start, end));
      start = wordStart;
      end = wordStart;
      size = 0;
      for (const ch of text.slice(wordStart, wordEnd)) {
        const chSize = byteLength(ch);
        if (size + chSize > maxBytes) {
          lines.push(text.slice(start, end));
          start = end;
          size = 0;
        }
        end += ch.length;
        size += chSize;
      }
    }
    wordStart = wordEnd + 1;
  }
  if (end > start) lines.push(text.slice(start, end));
  return lines;
}
