import { HeavyLane, LaneBusyError } from '../../src/limits/heavy-lane';
import { ITEMS_PER_TURN, Turns } from '../../src/limits/turns';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('HeavyLane', () => {
  it('runs `concurrency` heavy requests at once; the rest wait, served in turn by caller', async () => {
    const lane = new HeavyLane({ heavyCost: 100, concurrency: 1, maxWaitMs: 60_000 });
    expect(lane.isHeavy(99)).toBe(false);
    expect(lane.isHeavy(100)).toBe(true);
    const order: string[] = [];
    const releases = new Map<string, () => void>();
    const run = async (caller: string, name: string) => {
      releases.set(name, await lane.enter(caller));
      order.push(name);
    };
    await run('a', 'a1');
    const waiting = [run('a', 'a2'), run('a', 'a3'), run('b', 'b1'), run('a', 'a4'), run('c', 'c1')];
    await turn();
    expect(order).toEqual(['a1']);
    releases.get('a1')!();
    releases.get('a1')!(); // a second call changes nothing
    for (let step = 0; step < waiting.length; step += 1) {
      await turn();
      expect(order).toHaveLength(step + 2);
      releases.get(order.at(-1)!)!();
    }
    await Promise.all(waiting);
    // One caller sending many does not take every turn: a, b, c, then a's others.
    expect(order).toEqual(['a1', 'a2', 'b1', 'c1', 'a3', 'a4']);
  });

  it('refuses a request that waited its longest, and forgets it', async () => {
    const lane = new HeavyLane({ heavyCost: 1, concurrency: 1, maxWaitMs: 100 });
    const release = await lane.enter('a');
    await expect(lane.enter('b')).rejects.toBeInstanceOf(LaneBusyError);
    release();
    // The lane is free again and nobody is left waiting in it.
    const again = await lane.enter('b');
    again();
  });
});

describe('Turns', () => {
  it('hands out a small batch as it is', () => {
    expect(new Turns().spread([1, 2, 3])).toEqual([1, 2, 3]);
  });

  it('hands out a large batch a slice per turn of the event loop, other work running in between', async () => {
    const turns = new Turns();
    const values = Array.from({ length: ITEMS_PER_TURN * 3 }, (_, i) => i);
    const spread = turns.spread(values);
    expect(spread.slice(0, ITEMS_PER_TURN)).toEqual(values.slice(0, ITEMS_PER_TURN));
    const events: string[] = [];
    spread.forEach((value, index) => {
      if (index % ITEMS_PER_TURN === 0 && value instanceof Promise) void value.then(() => events.push(`slice ${index / ITEMS_PER_TURN}`));
    });
    setImmediate(() => events.push('other request'));
    expect(await Promise.all(spread)).toEqual(values);
    expect(events).toEqual(['slice 1', 'other request', 'slice 2']);
  });

  it('weighs a batch by its rows, and holds the next batches until every slice is out', async () => {
    const turns = new Turns();
    const groups = Array.from({ length: 4 }, () => Array.from({ length: ITEMS_PER_TURN }, (_, i) => i));
    const spread = turns.spread(groups, (rows) => rows.length);
    expect(spread.filter((value) => value instanceof Promise)).toHaveLength(3);
    const events: string[] = [];
    turns.schedule(() => events.push('next batch'));
    void Promise.all(spread).then(() => events.push('last slice'));
    await new Promise<void>((resolve) => turns.schedule(resolve));
    expect(events).toEqual(['last slice', 'next batch']);
  });
});
