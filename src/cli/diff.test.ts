import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('npm run diff (the real command)', () => {
  it('runs from the sources with tsx: equal plans exit 0, different plans exit 1', () => {
    const diff = (a: string, b: string) =>
      spawnSync('node_modules/.bin/tsx', ['src/cli/diff.ts', a, b], { encoding: 'utf8', timeout: 60_000 });
    const same = diff('public/examples/pop3.json', 'public/examples/pop3.json');
    expect(same.error).toBeUndefined();
    expect(same.status).toBe(0);
    expect(same.stdout).toBe(
      'Change,Firewall,Source,Source address,Source site,Destination,Destination address,Destination site,Protocol,Port,Service,Reason\r\n',
    );
    const other = diff('public/examples/pop3.json', 'public/examples/imap4.json');
    expect(other.status).toBe(1);
    expect(other.stdout).toMatch(/\r\nremoved,/);
    expect(other.stdout).toMatch(/\r\nadded,/);
    expect(other.stdout.indexOf('\r\nremoved,')).toBeLessThan(other.stdout.indexOf('\r\nadded,'));
  }, 60_000);
});
