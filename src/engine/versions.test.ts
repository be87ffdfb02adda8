import { describe, expect, it } from 'vitest';
import { CLIENT_AUTHS, CLIENT_PROTOCOLS, EXCHANGE_VERSIONS } from '../model/types';
import {
  atLeast,
  mtaRepliesOnStaticPort,
  offersAuth,
  offersLdapPort,
  offersOwa,
  offersProtocol,
  offersService,
  offersStaticPort,
  VERSION_RANK,
  versionPointText,
} from './versions';

const v = (exchange: '4.0' | '5.0' | '5.5', servicePack = 0) => ({ exchange, servicePack });

describe('the version table', () => {
  it('ranks 4.0 below 5.0 below 5.5', () => {
    expect(VERSION_RANK).toEqual({ '4.0': 0, '5.0': 1, '5.5': 2 });
    expect(atLeast('5.0', '4.0')).toBe(true);
    expect(atLeast('5.0', '5.5')).toBe(false);
  });

  it('offers IMAP4 from 5.5, POP3, LDAP, NNTP and Outlook Web Access from 5.0, MAPI and the Administrator program always (KB 176466, KB 198920)', () => {
    const offered = EXCHANGE_VERSIONS.map((e) => CLIENT_PROTOCOLS.filter((p) => offersProtocol(v(e), p)));
    expect(offered).toEqual([
      ['mapi', 'admin'],
      ['mapi', 'pop3', 'ldap', 'nntp', 'admin', 'web'],
      CLIENT_PROTOCOLS,
    ]);
  });

  it('refuses only LDAP with NTLM before 5.5 (KB 175440)', () => {
    for (const e of EXCHANGE_VERSIONS) {
      for (const p of CLIENT_PROTOCOLS) {
        for (const a of CLIENT_AUTHS) {
          expect(offersAuth(v(e), p, a)).toBe(!(p === 'ldap' && a === 'ntlm' && e !== '5.5'));
        }
      }
    }
  });

  it('needs 4.0 SP4 for the MTA port and a changed RFC1006 port, nothing for DS and IS (KB 161931)', () => {
    for (const e of EXCHANGE_VERSIONS) {
      for (let sp = 0; sp <= 4; sp++) {
        const before = e === '4.0' && sp < 4;
        expect(offersStaticPort(v(e, sp), 'mta')).toBe(!before);
        expect(offersStaticPort(v(e, sp), 'rfc1006')).toBe(!before);
        expect(offersStaticPort(v(e, sp), 'directory')).toBe(true);
        expect(offersStaticPort(v(e, sp), 'store')).toBe(true);
        expect(offersStaticPort(v(e, sp), 'systemAttendant')).toBe(true);
      }
    }
    expect(versionPointText({ exchange: '4.0', servicePack: 4 })).toBe('4.0 SP4');
  });

  it('has the Internet services as their protocols, and the Internet Mail Service in every version (SPEC §3.1)', () => {
    const services = ['pop3', 'imap4', 'ldap', 'nntp', 'internetMail'] as const;
    const offered = EXCHANGE_VERSIONS.map((e) => services.filter((s) => offersService(v(e), s)));
    expect(offered).toEqual([['internetMail'], ['pop3', 'ldap', 'nntp', 'internetMail'], services]);
  });

  it('lets Outlook Web Access open 5.0 and 5.5 servers only (KB 198920)', () => {
    expect(EXCHANGE_VERSIONS.filter((e) => offersOwa(v(e)))).toEqual(['5.0', '5.5']);
  });

  it('honours the LDAP port on 5.5 only (KB 224447)', () => {
    expect(EXCHANGE_VERSIONS.filter((e) => offersLdapPort(v(e)))).toEqual(['5.5']);
  });

  it('has the called MTA reply on its static port everywhere but 5.5 before Service Pack 2 (KB 191594)', () => {
    expect(mtaRepliesOnStaticPort(v('5.5', 0))).toBe(false);
    expect(mtaRepliesOnStaticPort(v('5.5', 1))).toBe(false);
    expect(mtaRepliesOnStaticPort(v('5.5', 2))).toBe(true);
    expect(mtaRepliesOnStaticPort(v('5.5', 4))).toBe(true);
    expect(mtaRepliesOnStaticPort(v('5.0', 0))).toBe(true);
    expect(mtaRepliesOnStaticPort(v('4.0', 4))).toBe(true);
  });
});
