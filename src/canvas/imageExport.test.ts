import { describe, expect, it } from 'vitest';
import { drawingDate, imageFileName, pngScale, xmlSafeText } from './imageExport';

describe('pngScale', () => {
  it('draws the PNG at twice the size, and a very large drawing smaller so the canvas stays within 8192 px', () => {
    expect(pngScale(2000, 700)).toBe(2);
    expect(pngScale(16_384, 2000)).toBe(0.5);
    expect(pngScale(2000, 8192)).toBe(1);
  });
});

describe('drawingDate', () => {
  it('writes the local calendar day as YYYY-MM-DD', () => {
    expect(drawingDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('imageFileName', () => {
  it('names the image after the plan file', () => {
    expect(imageFileName('contoso-benelux.plan.json', 'png')).toBe('contoso-benelux.png');
    expect(imageFileName('plan.json', 'svg')).toBe('plan.svg');
  });
});

describe('xmlSafeText', () => {
  it('writes the characters a name may hold but XML may not as U+FFFD, and keeps the rest', () => {
    expect(xmlSafeText('<text>non\uFFFEchar\uFFFF</text>')).toBe('<text>non\uFFFDchar\uFFFD</text>');
    const kept = '\u202Eevil \u{1D11E} Z\u0301\u0302 \t\n\r \uE000 \uFFFD';
    expect(xmlSafeText(kept)).toBe(kept);
    expect(xmlSafeText('a\u0000b\u001bc\ud800')).toBe('a\uFFFDb\uFFFDc\uFFFD');
  });
});
