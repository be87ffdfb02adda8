import { describe, expect, it } from 'vitest';
import { DRAWABLE_KINDS, EDGE_KINDS, isDrawableKind, KINDS, PROTOCOL_TRAITS } from './kinds';
import { CLIENT_PROTOCOLS, NODE_TYPES } from './types';

describe('the kinds table', () => {
  it('lists every node type, then the site', () => {
    expect(DRAWABLE_KINDS).toEqual([...NODE_TYPES, 'site']);
    expect(isDrawableKind('smtpHost')).toBe(true);
    expect(isDrawableKind('link')).toBe(false);
  });

  it('gives every kind its own id prefix and name prefix, so new ids and names never collide', () => {
    const ids = [
      ...DRAWABLE_KINDS.map((k) => KINDS[k].idPrefix),
      ...Object.values(EDGE_KINDS).map((e) => e.idPrefix),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    const names = DRAWABLE_KINDS.map((k) => KINDS[k].namePrefix);
    expect(new Set(names).size).toBe(names.length);
  });

  it('lets only POP3 and IMAP4 clients send mail, and every protocol but MAPI and the Administrator program choose authentication', () => {
    expect(CLIENT_PROTOCOLS.filter((p) => PROTOCOL_TRAITS[p].sendsMail)).toEqual(['pop3', 'imap4']);
    expect(CLIENT_PROTOCOLS.filter((p) => !PROTOCOL_TRAITS[p].usesAuth)).toEqual(['mapi', 'admin']);
  });
});
