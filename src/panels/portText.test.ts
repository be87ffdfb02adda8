import { describe, expect, it } from 'vitest';
import { PORT_REASON, portToText, readPortText } from './portText';

describe('readPortText', () => {
  it('reads whole numbers from 1 to 65535', () => {
    expect(readPortText('1', false)).toEqual({ ok: true, port: 1 });
    expect(readPortText(' 6001 ', false)).toEqual({ ok: true, port: 6001 });
    expect(readPortText('65535', true)).toEqual({ ok: true, port: 65535 });
  });

  it.each(['0', '70000', '65536', '12a', '1.5', '-5', '1e3', '0x10', ' '])(
    'refuses %j with the reason',
    (text) => {
      expect(readPortText(text, false)).toEqual({ ok: false, reason: PORT_REASON });
    },
  );

  it('reads an empty box as dynamic only where dynamic is allowed', () => {
    expect(readPortText('', true)).toEqual({ ok: true, port: null });
    expect(readPortText('  ', true)).toEqual({ ok: true, port: null });
    expect(readPortText('', false)).toEqual({ ok: false, reason: PORT_REASON });
  });

  it('round-trips through portToText', () => {
    expect(portToText(null)).toBe('');
    expect(readPortText(portToText(102), false)).toEqual({ ok: true, port: 102 });
  });
});
