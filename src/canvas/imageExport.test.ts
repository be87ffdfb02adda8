import { describe, expect, it } from 'vitest';
import { imageFileName, imageFrame, xmlSafeText } from './imageExport';

describe('imageFrame', () => {
  it('draws the plan at full size with a 40 px margin, its top-left corner moved to the margin', () => {
    const frame = imageFrame({ x: -120, y: 300, width: 1000, height: 500 });
    expect(frame).toEqual({
      width: 1080,
      height: 580,
      zoom: 1,
      transform: 'translate(160px, -260px) scale(1)',
    });
  });

  it('draws a very large plan smaller, so its longest side fits', () => {
    const frame = imageFrame({ x: 0, y: 0, width: 11_920, height: 2_000 }, 6000);
    expect(frame.zoom).toBeCloseTo(0.5);
    expect(frame.width).toBe(6000);
    expect(frame.height).toBe(1040);
    expect(frame.transform).toBe('translate(20px, 20px) scale(0.5)');
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
