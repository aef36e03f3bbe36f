import { describe, expect, it } from 'vitest';
import { ConcurrentBatchWriter } from './concurrent-batch-writer';

/** A write whose completion the test controls. */
function controlledWrites() {
  const started: string[][] = [];
  const finishers: (() => void)[] = [];
  const write = (records: string[]) =>
    new Promise<void>((resolve) => {
      started.push(records);
      finishers.push(resolve);
    });
  return { started, finishers, write };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('ConcurrentBatchWriter', () => {
  it('keeps at most `concurrency` batches in flight', async () => {
    const { started, finishers, write } = controlledWrites();
    const writer = new ConcurrentBatchWriter(2, (key: string) => key, write);
    await writer.submit(['a']);
    await writer.submit(['b']);
    const third = writer.submit(['c']);
    await tick();
    expect(started).toEqual([['a'], ['b']]);
    finishers[0]!();
    await third;
    expect(started).toEqual([['a'], ['b'], ['c']]);
    finishers[1]!();
    finishers[2]!();
    await writer.drain();
  });

  it('never writes two batches sharing a key at once, so the later one wins', async () => {
    const { started, finishers, write } = controlledWrites();
    const writer = new ConcurrentBatchWriter(4, (key: string) => key, write);
    await writer.submit(['a', 'x']);
    const conflicting = writer.submit(['x', 'b']);
    await tick();
    expect(started).toEqual([['a', 'x']]);
    finishers[0]!();
    await conflicting;
    expect(started).toEqual([
      ['a', 'x'],
      ['x', 'b'],
    ]);
    finishers[1]!();
    await writer.drain();
  });

  it('rethrows the first failure on the next submit and on drain', async () => {
    const writer = new ConcurrentBatchWriter(
      2,
      (key: string) => key,
      async (records) => {
        if (records.includes('bad')) throw new Error('boom');
      },
    );
    await writer.submit(['bad']);
    await expect(writer.drain()).rejects.toThrow('boom');
    await expect(writer.submit(['ok'])).rejects.toThrow('boom');
  });
});
