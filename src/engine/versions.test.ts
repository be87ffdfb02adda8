import { describe, expect, it } from 'vitest';
import { CLIENT_AUTHS, CLIENT_PROTOCOLS, EXCHANGE_VERSIONS } from '../model/types';
import {
  atLeast,
  offersAuth,
  offersProtocol,
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

  it('offers IMAP4 from 5.5, POP3, LDAP and NNTP from 5.0, MAPI always (KB 176466)', () => {
    const offered = EXCHANGE_VERSIONS.map((e) => CLIENT_PROTOCOLS.filter((p) => offersProtocol(v(e), p)));
    expect(offered).toEqual([['mapi'], ['mapi', 'pop3', 'ldap', 'nntp'], CLIENT_PROTOCOLS]);
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
      }
    }
    expect(versionPointText({ exchange: '4.0', servicePack: 4 })).toBe('4.0 SP4');
  });
});
