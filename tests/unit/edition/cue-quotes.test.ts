import { describe, expect, it } from 'vitest';
import { alreadySaid, cuePhrase } from '#edition/cue-quotes.ts';
import { type CueKind, cueSpans } from '#edition/label-signal.ts';

const quote = (text: string, kind: CueKind) => cuePhrase(text, cueSpans(text, kind)[0]!);

describe('cuePhrase', () => {
  it.each([
    // Cut by the word limit inside a short phrase: the quote ends before that phrase.
    [
      'Putin, Xi hail "best in history" ties in warm video conversation',
      'restated',
      'Putin, Xi hail best in history ties',
    ],
    // Cut before "of …": the quote ends before the phrase that lacks its complement.
    ['Xi invites Putin to Beijing in growing sign of closer ties', 'new-step', 'Xi invites Putin to Beijing'],
    // The names before the cue say who acts, a list of them too; a headline's opening word is no name.
    [
      'Russia, China ink deal to build new gas pipeline',
      'new-step',
      'Russia, China ink deal to build new gas pipeline',
    ],
    [
      'Moscow and Beijing agree to expand joint patrols',
      'new-step',
      'Moscow and Beijing agree to expand joint patrols',
    ],
    [
      'As China exports to Russia dip on less car demand, new deals show room to grow',
      'friction',
      'China exports to Russia dip on less car demand',
    ],
    // A mark before the cue ends the clause the names are in.
    ['In Moscow, talks stall over gas price', 'friction', 'talks stall over gas price'],
    // Ended by its clause, within the limit: nothing is cut.
    [
      'Negotiations on the pipeline have stalled over the price of gas, people said.',
      'friction',
      'stalled over the price of gas',
    ],
    // Its own punctuation ends the phrase: "to peace" is its object, not an infinitive cut short.
    ['No path to peace: five key takeaways from Xi and Putin’s talks', 'friction', 'No path to peace'],
    // An empty subject before the cue is not quoted; the cue alone says nothing, so no quote.
    ['Xi meets Putin in show of anti-West unity, but there’s unease, too', 'friction', undefined],
    ['There is unease over the pipeline price', 'friction', 'unease over the pipeline price'],
  ] as const)('%s → %s', (text, kind, expected) => {
    expect(quote(text, kind)).toBe(expected);
  });
});

describe('alreadySaid', () => {
  it('knows a phrase printed above with the report’s quote marks', () => {
    const printed = ['the chinese president praised deepening “political mutual trust” and trade.'];
    expect(alreadySaid(new Set(), printed, 'president praised deepening political mutual trust')).toBe(true);
    expect(alreadySaid(new Set(), printed, 'vowed to expand joint patrols')).toBe(false);
  });
});
