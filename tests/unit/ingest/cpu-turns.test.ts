import { describe, expect, it } from 'vitest';
import { inTurn } from '#ingest/cpu-turns.ts';

describe('inTurn', () => {
  it('runs the work on a later turn, not in the call', async () => {
    // Arrange
    let ran = false;

    // Act
    const done = inTurn(() => {
      ran = true;
      return 42;
    });
    const before = ran;

    // Assert
    expect(before).toBe(false);
    await expect(done).resolves.toBe(42);
  });

  it('runs one piece per turn, so callbacks that arrive meanwhile run between two pieces', async () => {
    // Arrange
    const order: string[] = [];

    // Act
    const first = inTurn(() => order.push('first'));
    const second = inTurn(() => order.push('second'));
    const between = new Promise<void>((resolve) =>
      setImmediate(() => {
        order.push('callback');
        resolve();
      }),
    );
    await Promise.all([first, second, between]);

    // Assert
    expect(order).toEqual(['first', 'callback', 'second']);
  });

  it('rejects only the failing piece, and the pieces after it still run', async () => {
    // Arrange
    const failing = inTurn(() => {
      throw new Error('broken feed');
    });
    const next = inTurn(() => 'read');

    // Act and Assert
    await expect(failing).rejects.toThrow('broken feed');
    await expect(next).resolves.toBe('read');
  });

  it('takes the result of asynchronous work as its own', async () => {
    await expect(inTurn(async () => 'parsed')).resolves.toBe('parsed');
  });
});
