// readBounded sizes its buffer by what fstat says, so it must still read a file that is longer
// than it claims, and still stop at the cap. Files in /proc say they are 0 bytes long.
import { describe, expect, it } from 'vitest';
import { readBounded } from '../../src/validate/safe-read.ts';

describe('reading a file that is longer than fstat says', () => {
  it('reads all of it, growing the buffer', async () => {
    const read = await readBounded('/proc/self/maps', { max: 10 * 1024 * 1024 });
    expect(read.ok).toBe(true);
    const text = read.ok ? read.bytes.toString('utf8') : '';
    expect(text.length).toBeGreaterThan(4096 * 2);
    expect(text.endsWith('\n')).toBe(true);
    expect(
      text
        .split('\n')
        .filter(Boolean)
        .every((l) => /^[0-9a-f]+-[0-9a-f]+ /.test(l)),
    ).toBe(true);
  });

  it('refuses it as too large once past the cap', async () => {
    const read = await readBounded('/proc/self/maps', { max: 5000 });
    expect(read).toMatchObject({ ok: false, refusal: { kind: 'too-large' } });
  });
});
