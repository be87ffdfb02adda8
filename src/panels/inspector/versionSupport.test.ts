import { describe, expect, it } from 'vitest';
import { CLIENT_PROTOCOLS } from '../../model/types';
import {
  authShortfall,
  canSendMail,
  mtaPortShortfall,
  optionText,
  protocolShortfall,
  rfc1006Shortfall,
  usesAuth,
} from './versionSupport';

const v = (exchange: '4.0' | '5.0' | '5.5', servicePack = 0) => ({ exchange, servicePack });

describe('protocolShortfall', () => {
  it('marks IMAP4 on 5.0 and POP3, LDAP, NNTP on 4.0', () => {
    expect(protocolShortfall('imap4', v('5.0'))).toBe('needs Exchange 5.5 (server is 5.0)');
    expect(protocolShortfall('pop3', v('4.0'))).toBe('needs Exchange 5.0 (server is 4.0)');
    expect(protocolShortfall('ldap', v('4.0'))).toBe('needs Exchange 5.0 (server is 4.0)');
    expect(protocolShortfall('nntp', v('4.0'))).toBe('needs Exchange 5.0 (server is 4.0)');
  });

  it('accepts what the version offers, and anything without a server', () => {
    expect(protocolShortfall('imap4', v('5.5'))).toBeNull();
    expect(protocolShortfall('pop3', v('5.0'))).toBeNull();
    expect(protocolShortfall('mapi', v('4.0'))).toBeNull();
    expect(protocolShortfall('imap4', null)).toBeNull();
  });

  it('joins into option text', () => {
    expect(optionText('IMAP4', protocolShortfall('imap4', v('5.0')))).toBe(
      'IMAP4 — needs Exchange 5.5 (server is 5.0)',
    );
    expect(optionText('IMAP4', null)).toBe('IMAP4');
  });
});

describe('authShortfall', () => {
  it('marks NTLM for LDAP before 5.5 only', () => {
    expect(authShortfall('ldap', 'ntlm', v('5.0'))).toBe('needs 5.5 (server is 5.0)');
    expect(authShortfall('ldap', 'ntlm', v('5.5'))).toBeNull();
    expect(authShortfall('ldap', 'basic', v('5.0'))).toBeNull();
    expect(authShortfall('pop3', 'ntlm', v('5.0'))).toBeNull();
  });
});

describe('MTA and RFC1006 ports on 4.0', () => {
  it('need Service Pack 4', () => {
    expect(mtaPortShortfall(v('4.0', 3))).toBe('needs 4.0 SP4');
    expect(mtaPortShortfall(v('4.0', 4))).toBeNull();
    expect(mtaPortShortfall(v('5.0'))).toBeNull();
    expect(rfc1006Shortfall(v('4.0', 0))).not.toBeNull();
    expect(rfc1006Shortfall(v('5.5'))).toBeNull();
  });
});

describe('which client fields apply', () => {
  it('auth for all but MAPI, sending mail for POP3 and IMAP4', () => {
    expect(usesAuth('mapi')).toBe(false);
    expect(usesAuth('ldap')).toBe(true);
    expect(CLIENT_PROTOCOLS.filter(canSendMail)).toEqual(['pop3', 'imap4']);
  });
});
