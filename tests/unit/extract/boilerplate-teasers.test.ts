import { describe, expect, it } from 'vitest';
import { boilerplateReason } from '#extract/boilerplate.ts';

describe('teaser and promo sentences in the boilerplate list', () => {
  it.each([
    'Laura Bicker explains what to look out for as Xi meets Putin.',
    'The three leaders will meet in public for the first time during the parade - this is why it matters.',
    "NBC News' Janis Mackey Frayer has the details.",
    "CNN's Selina Wang reports on the growing relationship between Putin and Xi.",
    'Here’s what we know about the talks in Moscow.',
    'Our correspondents explain why the summit matters for Europe.',
  ])('never a summary sentence: %s', (sentence) => {
    expect(boilerplateReason(sentence)).toBe('teaser or promo');
  });

  it.each([
    'Peskov said the talks were “constructive” and explained that no deal was signed.',
    'Investors were quick to note that the deal was not a binding supply contract.',
    'The CNN report found China had shipped more than $12 million in drones to Russia.',
  ])('reporting stays: %s', (sentence) => {
    expect(boilerplateReason(sentence)).toBeUndefined();
  });
});
