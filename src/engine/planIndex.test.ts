/** The lookups of one plan (planIndex.ts): names, servers, addresses and the name and id places. */
import { describe, expect, it } from 'vitest';
import { client, firewall, makePlan, server, site } from '../test/factories';
import { indexPlan } from './planIndex';

const plan = makePlan({
  sites: [site('A', { name: 'Head office' })],
  nodes: [
    server('s2', 'A', { name: 'Mail', address: '10.0.0.2' }),
    client('c', 's2', { name: '' }),
    firewall('fw', { name: 'Edge' }),
    server('s1', 'A', { name: 'Mail' }),
    client('b', 's1', { name: 'Alpha' }),
  ],
});
const index = indexPlan(plan);

describe('indexPlan', () => {
  it('names an id by its node or site, by the id when the name is empty or nothing has that id', () => {
    expect(index.nameOf('s2')).toBe('Mail');
    expect(index.nameOf('A')).toBe('Head office');
    expect(index.nameOf('c')).toBe('c');
    expect(index.nameOf('missing')).toBe('missing');
  });

  it('gives the address of an endpoint, "" for one without, for a node that has no address field and for an unknown id', () => {
    expect(index.addressOf('s2')).toBe('10.0.0.2');
    expect(index.addressOf('s1')).toBe('');
    expect(index.addressOf('fw')).toBe('');
    expect(index.addressOf('missing')).toBe('');
  });

  it('finds servers only', () => {
    expect(index.serverOf('s1')?.id).toBe('s1');
    expect(index.serverOf('c')).toBeUndefined();
    expect(index.serverOf(null)).toBeUndefined();
    expect(index.siteNameOf('s1')).toBe('Head office');
    expect(index.siteNameOf('c')).toBe('');
  });

  it('places nodes by name from 0, equal names sharing a place, and by id from 0', () => {
    // Names in code point order: Alpha, Edge, Mail (s1 and s2), c.
    expect(index.nameRank).toEqual(
      new Map([
        ['b', 0],
        ['fw', 1],
        ['s1', 2],
        ['s2', 2],
        ['c', 3],
      ]),
    );
    expect(index.idRank).toEqual(
      new Map([
        ['b', 0],
        ['c', 1],
        ['fw', 2],
        ['s1', 3],
        ['s2', 4],
      ]),
    );
  });
});
