import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findUnknownKey, nearestName } from '#domain/unknown-keys.ts';

describe('nearestName', () => {
  it.each([
    ['maxStorys', 'maxStories'],
    ['windowHour', 'windowHours'],
    ['delivry', 'delivery'],
    ['teh', 'the'],
    ['FEEDS', 'feeds'],
    ['colour', undefined],
    ['x', undefined],
  ])('%s -> %s', (word, expected) => {
    expect(nearestName(word, ['maxStories', 'windowHours', 'delivery', 'the', 'feeds', 'fetch'])).toBe(
      expected,
    );
  });
});

describe('findUnknownKey', () => {
  const schema = z.object({
    a: z.number().default(1),
    nested: z.object({ inner: z.string() }).default({ inner: 'x' }),
    list: z.array(z.object({ name: z.string() })).optional(),
    open: z.looseObject({ known: z.string() }).optional(),
    map: z.record(z.string(), z.object({ v: z.number() })).optional(),
  });

  it.each([
    [{ a: 1 }, undefined],
    [{ b: 1 }, { path: 'b', key: 'b', suggestion: 'a' }],
    [{ nested: { iner: 'y' } }, { path: 'nested.iner', key: 'iner', suggestion: 'inner' }],
    [{ list: [{ name: 'x' }, { nme: 'y' }] }, { path: 'list[1].nme', key: 'nme', suggestion: 'name' }],
    [{ open: { anything: 1 } }, undefined],
    [{ map: { k: { v: 1, w: 2 } } }, { path: 'map.k.w', key: 'w', suggestion: 'v' }],
    [{ nested: 'not an object' }, undefined],
  ])('%j -> %j', (input, expected) => {
    expect(findUnknownKey(input, schema)).toEqual(expected);
  });
});
