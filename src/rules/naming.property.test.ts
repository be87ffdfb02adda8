/**
 * The one-pass name and comment cleaning must write what the plain
 * regular-expression definition writes, for any text a person can type:
 * generated files stay byte for byte the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kbArticles } from './model';
import type { NameStyle, TextStyle } from './naming';
import {
  cleanNamed,
  cleanShaped,
  cleanText,
  fitName,
  foldToAscii,
  nameBase,
  nameCore,
  pairBase,
  sanitizeName,
  textShape,
} from './naming';

const esc = (chars: string) => chars.replace(/[\\\]^-]/g, (c) => `\\${c}`);

/** The definition: fold, replace every run outside the alphabet, fold runs of the joiner, trim, prefix, cut. */
function sanitizeByDefinition(text: string, style: NameStyle, fallback = 'x'): string {
  const joiner = style.extra.includes('_') ? '_' : (style.extra[0] ?? '');
  const trim = (t: string) =>
    joiner ? t.replace(new RegExp(`^${esc(joiner)}+|${esc(joiner)}+$`, 'g'), '') : t;
  let name = (/^[\x20-\x7e]*$/.test(text) ? text : foldToAscii(text)).replace(
    new RegExp(`[^A-Za-z0-9${esc(style.extra)}]+`, 'g'),
    joiner,
  );
  if (joiner) name = trim(name.replace(new RegExp(`${esc(joiner)}{2,}`, 'g'), joiner));
  if (!/^[A-Za-z]/.test(name)) name = `${fallback}${joiner}${name}`;
  return trim(name.slice(0, style.maxLength)) || fallback;
}

/** The definition: control characters to spaces, bidi overrides out, ASCII folding, forbidden out, spaces folded, cut. */
function cleanByDefinition(text: string, style: TextStyle): string {
  let out = text
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, '');
  if (style.ascii) out = foldToAscii(out).replace(/[^\x20-\x7e]/g, '?');
  if (style.forbidden) out = out.replace(new RegExp(`[${esc(style.forbidden)}]`, 'g'), '');
  out = out.replace(/\s+/g, ' ').trim();
  const bytes = (t: string) => new TextEncoder().encode(t).length;
  if (bytes(out) <= style.maxBytes) return out;
  const ellipsis = style.ascii ? '...' : '…';
  let cut = '';
  for (const ch of out) {
    if (bytes(cut + ch) > style.maxBytes - bytes(ellipsis)) break;
    cut += ch;
  }
  return `${cut.trimEnd()}${ellipsis}`;
}

const NAME_STYLES: NameStyle[] = [
  { maxLength: 63, extra: '_' },
  { maxLength: 40, extra: '_-.' },
  { maxLength: 20, extra: '_-' },
  { maxLength: 12, extra: '-.' },
  { maxLength: 8, extra: '' },
];
const TEXT_STYLES: TextStyle[] = [
  { maxBytes: 128, forbidden: '"\\' },
  { maxBytes: 30, forbidden: '"\\\'' },
  { maxBytes: 400, forbidden: '"\\#' },
  { maxBytes: 40 },
  { maxBytes: 100, ascii: true },
  { maxBytes: 20, forbidden: '"\\', ascii: true },
  { maxBytes: 60, forbidden: ';"' },
];

/** Text as people type it, with the characters that matter here far more often than chance would give them. */
const text = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc
    .array(
      fc.constantFrom(
        'a',
        'Z',
        '9',
        ' ',
        '  ',
        '_',
        '-',
        '.',
        '"',
        '\\',
        "'",
        '#',
        'é',
        'ü',
        '東',
        '\n',
        '\t',
        '\u202e',
        '😀',
        'KB ',
        '12',
        'x',
      ),
      {
        maxLength: 60,
      },
    )
    .map((parts) => parts.join('')),
);

describe('name and comment cleaning', () => {
  it('sanitizes names as the definition does, in every alphabet', () => {
    fc.assert(
      fc.property(
        text,
        fc.constantFrom(...NAME_STYLES),
        fc.constantFrom('x', 'firewall'),
        (t, style, fallback) => {
          expect(sanitizeName(t, style, fallback)).toBe(sanitizeByDefinition(t, style, fallback));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('cuts a name sanitized without a length limit to the same name', () => {
    fc.assert(
      fc.property(
        text,
        fc.constantFrom(...NAME_STYLES),
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom('x', 'firewall'),
        (t, style, maxLength, fallback) => {
          const short = { ...style, maxLength };
          expect(fitName(nameBase(t, style.extra, fallback), short, fallback)).toBe(
            sanitizeName(t, short, fallback),
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("puts a rule label's base together from its ends' cores as sanitizing the label does", () => {
    fc.assert(
      fc.property(text, text, fc.constantFrom(...NAME_STYLES), (a, b, { extra }) => {
        expect(pairBase(nameCore(a, extra), nameCore(b, extra), extra)).toBe(nameBase(`${a} to ${b}`, extra));
      }),
      { numRuns: 3000 },
    );
  });

  it('cleans comments as the definition does, for every comment style', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...TEXT_STYLES), (t, style) => {
        expect(cleanText(t, style)).toBe(cleanByDefinition(t, style));
      }),
      { numRuns: 3000 },
    );
  });

  it('cleans a text by its shape, read once, as it cleans the text itself', () => {
    fc.assert(
      fc.property(text, text, fc.constantFrom(...TEXT_STYLES), (name, t, style) => {
        expect(cleanShaped(t, textShape(t), style)).toBe(cleanText(t, style));
        expect(cleanNamed(name, t, textShape(t), style)).toBe(cleanText(`${name}: ${t}`, style));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds every KB article a reason cites, in order, once', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 4 }), (reasons) => {
        const expected = [...new Set(reasons.flatMap((r) => [...r.matchAll(/KB \d+/g)].map((m) => m[0])))];
        expect(kbArticles(reasons)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
