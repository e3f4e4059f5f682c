import { AppError } from '@opendata/common';
import { PassThrough } from 'node:stream';
import { Semaphore, abortWhenClosed } from './semaphore';

const settled = async <T>(promise: Promise<T>) => {
  let state: 'pending' | 'resolved' | 'rejected' = 'pending';
  promise.then(
    () => (state = 'resolved'),
    () => (state = 'rejected'),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return state;
};

describe('Semaphore (upload slots with a bounded queue)', () => {
  afterEach(() => jest.useRealTimers());

  it('gives slots up to the limit, queues the next ones in arrival order, and refuses beyond the queue', async () => {
    const slots = new Semaphore({ limit: 2, queueLength: 2, waitMs: 60_000 });
    const first = await slots.acquire();
    await slots.acquire();
    const third = slots.acquire();
    const fourth = slots.acquire();
    expect(slots.state).toEqual({ running: 2, waiting: 2 });
    const refused = await slots.acquire().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { retryAfterSeconds: expect.any(Number) } });
    first();
    first(); // releasing twice gives back one slot
    expect(await settled(third)).toBe('resolved');
    expect(await settled(fourth)).toBe('pending');
    expect(slots.state).toEqual({ running: 2, waiting: 1 });
  });

  it('answers a caller that waited too long with 503 and when to come back', async () => {
    jest.useFakeTimers();
    const slots = new Semaphore({ limit: 1, queueLength: 5, waitMs: 30_000 });
    const hold = await slots.acquire();
    const waiting = slots.acquire().catch((e: unknown) => e);
    jest.advanceTimersByTime(29_999);
    expect(slots.state.waiting).toBe(1);
    jest.advanceTimersByTime(1);
    expect(await waiting).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { retryAfterSeconds: 5 } });
    expect(slots.state).toEqual({ running: 1, waiting: 0 });
    hold();
    expect(slots.state).toEqual({ running: 0, waiting: 0 });
  });

  it('lets a waiter whose client went away leave the queue without taking a slot', async () => {
    const slots = new Semaphore({ limit: 1, queueLength: 5, waitMs: 60_000 });
    const hold = await slots.acquire();
    const body = new PassThrough();
    body.on('error', () => undefined); // as the multipart reader does: the error is the reader's to take
    const closed = abortWhenClosed(body);
    const gone = slots.acquire(closed.signal).catch((e: unknown) => e);
    const next = slots.acquire();
    expect(slots.state.waiting).toBe(2);
    body.destroy(new Error('client gone'));
    expect(await gone).toMatchObject({ message: 'client gone' });
    expect(slots.state).toEqual({ running: 1, waiting: 1 });
    hold();
    expect(await settled(next)).toBe('resolved');
    expect(slots.state).toEqual({ running: 1, waiting: 0 });
  });

  it('refuses at once, after a hold has been timed, with a Retry-After from how long holds last', async () => {
    const slots = new Semaphore({ limit: 1, queueLength: 0, waitMs: 1000 });
    (await slots.acquire())();
    await slots.acquire();
    const refused = (await slots.acquire().catch((e: unknown) => e)) as AppError;
    expect(refused.details?.retryAfterSeconds).toBe(1);
    expect(refused.message).toContain('retry in 1 s');
  });
});
