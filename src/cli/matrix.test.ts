import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('npm run matrix (the real command)', () => {
  it('runs from the sources with tsx on an example plan', () => {
    const result = spawnSync(
      'node_modules/.bin/tsx',
      ['src/cli/matrix.ts', 'public/examples/combined.json'],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(result.error).toBeUndefined();
    // combined.json holds one design mistake: an error finding, so exit status 1.
    expect(result.status).toBe(1);
    expect(
      result.stdout.startsWith(
        'Firewall,Source,Source address,Source site,Destination,Destination address,Destination site,Protocol,Port,Service,Reason\r\n',
      ),
    ).toBe(true);
    expect(result.stdout.endsWith('\r\n')).toBe(true);
    expect(result.stderr).toMatch(/^error RFC1006_PORT_MISMATCH /m);
  }, 60_000);
});

describe('npm run matrix reading a pipe', () => {
  it('reads the plan from /dev/stdin and writes exactly the CSV it writes for the file', () => {
    const plan = readFileSync('public/examples/combined.json');
    const fromFile = spawnSync(
      'node_modules/.bin/tsx',
      ['src/cli/matrix.ts', 'public/examples/combined.json'],
      {
        timeout: 60_000,
      },
    );
    const fromPipe = spawnSync('node_modules/.bin/tsx', ['src/cli/matrix.ts', '/dev/stdin'], {
      input: plan,
      timeout: 60_000,
    });
    expect(fromPipe.stderr.toString()).not.toMatch(/ESPIPE|cannot be read/);
    expect(fromPipe.status).toBe(1);
    expect(fromPipe.stdout.length).toBeGreaterThan(200);
    expect(Buffer.compare(fromPipe.stdout, fromFile.stdout)).toBe(0);
  }, 60_000);
});
