import { describe, expect, it } from 'vitest';
import { RunMemo } from './run-memo';

describe('RunMemo', () => {
  it("loads a run once, and drops the organization's earlier runs once a later one has loaded", async () => {
    const memo = new RunMemo<string>();
    let loads = 0;
    const load = (value: string) => async () => {
      loads++;
      return value;
    };
    expect(await memo.get('org-a', 'run-1', load('first'))).toBe('first');
    expect(await memo.get('org-a', 'run-1', load('again'))).toBe('first');
    expect(loads).toBe(1);
    await memo.get('org-b', 'run-1', load('other org'));
    // While the next run loads it can still read its predecessor's value.
    let release!: () => void;
    const next = memo.get('org-a', 'run-2', async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return (await memo.peek('org-a', 'run-1')) + ' patched';
    });
    release();
    expect(await next).toBe('first patched');
    expect(await memo.peek('org-a', 'run-1')).toBeUndefined();
    expect(await memo.peek('org-b', 'run-1')).toBe('other org');
  });

  it('holds at most its capacity, oldest dropped first, and forgets a failed load', async () => {
    const memo = new RunMemo<number>(2);
    for (const n of [1, 2, 3]) await memo.get(`org-${n}`, 'run', async () => n);
    expect(await memo.peek('org-1', 'run')).toBeUndefined();
    expect(await memo.peek('org-3', 'run')).toBe(3);
    await expect(memo.get('org-4', 'run', () => Promise.reject(new Error('db down')))).rejects.toThrow();
    expect(await memo.peek('org-4', 'run')).toBeUndefined();
    expect(await memo.get('org-4', 'run', async () => 4)).toBe(4);
  });

  it("a provisional value (a warm-up of an earlier run) never displaces the organization's other runs", async () => {
    const memo = new RunMemo<string>();
    await memo.get('org-a', 'run-2', async () => 'newer');
    await memo.get('org-a', 'run-1', async () => 'warmed late', { provisional: true });
    expect(await memo.peek('org-a', 'run-2')).toBe('newer');
    // A later run that loads normally does drop it.
    await memo.get('org-a', 'run-3', async () => 'latest');
    expect(await memo.peek('org-a', 'run-1')).toBeUndefined();
  });
});
