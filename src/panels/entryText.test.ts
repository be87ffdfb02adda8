import { describe, expect, it } from 'vitest';
import { INTERFACE_REASON, readAddressText, readInterfaceText, readNameText } from './entryText';

describe('readAddressText', () => {
  it('stores the canonical form of what is typed', () => {
    expect(readAddressText(' 10.1.0.10 ')).toEqual({ ok: true, value: '10.1.0.10' });
    expect(readAddressText('2001:DB8:0:0::1')).toEqual({ ok: true, value: '2001:db8::1' });
    expect(readAddressText('192.0.2.7/32')).toEqual({ ok: true, value: '192.0.2.7' });
    expect(readAddressText('Any')).toEqual({ ok: true, value: 'any' });
  });

  it('reads an empty box as no address', () => {
    expect(readAddressText('   ')).toEqual({ ok: true, value: null });
  });

  it('refuses what is not an address, with the model’s reason', () => {
    expect(readAddressText('10.1.0')).toEqual({
      ok: false,
      reason: 'Must be an IPv4 or IPv6 address, a CIDR block such as 10.1.0.0/16, or "any"',
    });
    expect(readAddressText('010.1.0.1')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^Must be written without leading zeros/),
    });
    expect(readAddressText('10.1.0.1/16')).toEqual({
      ok: false,
      reason: 'The host bits of a CIDR block must be zero (the block is 10.1.0.0/16)',
    });
  });
});

describe('readInterfaceText', () => {
  it('keeps a valid name and reads empty as none', () => {
    expect(readInterfaceText('outside')).toEqual({ ok: true, value: 'outside' });
    expect(readInterfaceText('dmz-1.web_a')).toEqual({ ok: true, value: 'dmz-1.web_a' });
    expect(readInterfaceText('')).toEqual({ ok: true, value: null });
  });

  it('refuses spaces, other characters and names over 32 characters', () => {
    for (const bad of ['out side', 'zone/1', 'a'.repeat(33)]) {
      expect(readInterfaceText(bad)).toEqual({ ok: false, reason: INTERFACE_REASON });
    }
  });
});

describe('readNameText', () => {
  it('keeps a name that holds nothing forbidden, right-to-left marks and combining marks included', () => {
    for (const name of ['EXAMS01', 'שרת \u202Eevil', 'a\u0301\u0301\u0301', '𝄞 music', '\uFFFE']) {
      expect(readNameText(name)).toEqual({ value: name, removed: null });
    }
  });

  it('leaves out control characters and lone surrogates, and says which', () => {
    expect(readNameText('EX\u001b[31mAMS')).toEqual({
      value: 'EX[31mAMS',
      removed: 'A name holds no control characters: U+001B was left out.',
    });
    expect(readNameText('a\u0000b\u000bc\u0085d')).toMatchObject({ value: 'abcd' });
    expect(readNameText('x\ud800y\udc00z')).toEqual({
      value: 'xyz',
      removed: 'A name holds no broken characters (lone surrogates): one was left out.',
    });
  });

  it('turns a pasted tab or line break into a space', () => {
    expect(readNameText('Amsterdam\r\nLAN\tcore').value).toBe('Amsterdam  LAN core');
  });
});
