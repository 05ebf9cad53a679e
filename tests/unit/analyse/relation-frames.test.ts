import { describe, expect, it } from 'vitest';
import { extractFeatures, readItem } from '#analyse/features.ts';

const framesOf = (title: string) =>
  [...extractFeatures(readItem({ title }), { ngrams: false }).values.keys()].filter((k) =>
    k.startsWith('rel:'),
  );

describe('relation frames: how the two sides stand in one sentence, in every lexicon language', () => {
  it.each([
    [
      'a joint subject',
      'China and Russia accuse US of raising risk of nuclear war',
      'rel:joint-subject@title',
    ],
    ['a joint subject acting', 'Xi and Putin sign new pact', 'rel:joint-act@title'],
    ['a joint subject, Polish', 'Rosja i Chiny oskarżają USA', 'rel:joint-subject@title'],
    ['a joint subject acting, Russian', 'Россия и Китай подписали соглашение', 'rel:joint-act@title'],
    ['a joint subject acting, Ukrainian', 'Росія і Китай підписали угоду', 'rel:joint-act@title'],
    [
      'a joint subject with articles, French',
      'La Chine et la Russie signent un accord',
      'rel:joint-act@title',
    ],
    ['a joint subject, Spanish', 'China y Rusia firman un acuerdo', 'rel:joint-subject@title'],
    ['a visit, Spanish', 'Putin llega a China', 'rel:visit@title'],
    ['a one-word pair, Chinese', '中俄签署协议', 'rel:joint-act@title'],
    ['a hyphenated pair with a relation noun', 'China-Russia ties deepen', 'rel:pair-noun@title'],
    ['a relation noun before the pair', 'Alliance of China and Russia worries NATO', 'rel:pair-noun@title'],
    [
      'the pair as another actor’s object',
      'US bans chip exports to China and Russia',
      'rel:pair-object@title',
    ],
    ['a possessive relation', 'China’s support for Russia grows', 'rel:linked:contact@title'],
    ['one leader addressing the other', 'Xi tells Putin he backs peace', 'rel:linked:contact@title'],
    ['a visit', 'Putin arrives in China amid global consternation over Ukraine war', 'rel:visit@title'],
    ['a visit, Russian', 'Путин прибыл в Китай', 'rel:visit@title'],
    ['a visit, Chinese', '习近平抵达莫斯科', 'rel:visit@title'],
    ['travel to the other side, Polish', 'Putin przyleciał do Chin', 'rel:linked:visit@title'],
    ['travel to the other side, German', 'Putin reist nach China', 'rel:linked:visit@title'],
    ['travel to the other side, French', 'Poutine arrive en Chine', 'rel:linked:visit@title'],
    [
      'the pair only in the backdrop',
      'US rushes tanks to Ukraine as Putin meets Xi',
      'rel:in-backdrop@title',
    ],
    [
      'one side only in the backdrop',
      'Uyghurs demand Xi Jinping’s arrest after international court issues warrant for Putin',
      'rel:split@title',
    ],
    [
      'a third party as the main subject',
      'Ahead of Xi-Putin meeting in Moscow, White House rejects cease-fire in Ukraine',
      'rel:third-subject@title',
    ],
  ])('%s: %s -> %s', (_case, title, frame) => {
    expect(framesOf(title)).toContain(frame);
  });

  it.each([
    ['a meeting with a third party in one side’s capital', 'Putin meets Modi in Beijing', 'rel:visit@title'],
    ['a list of targets', 'US bans chip exports to China and Russia', 'rel:joint-subject@title'],
    ['a label before the pair', 'Analysis: China and Russia hold drills', 'rel:pair-object@title'],
    [
      'a speaker after a spaced dash',
      'Russia and China settle trade in rubles and yuan – Siluanov',
      'rel:pair-object@title',
    ],
    ['two sides in the main clause', 'China and Russia hold talks as US watches', 'rel:in-backdrop@title'],
    ['“as” after a verb of role', 'Xi hailed as peacemaker by Putin', 'rel:split@title'],
  ])('not %s: %s has no %s', (_case, title, frame) => {
    expect(framesOf(title)).not.toContain(frame);
  });

  it('weighs a frame word the two sides say together apart from one said about them', () => {
    const joint = extractFeatures(readItem({ title: 'China and Russia accuse US of threats' }), {
      ngrams: false,
    }).values;
    const about = extractFeatures(readItem({ title: 'Threats from China and Russia rise' }), {
      ngrams: false,
    }).values;
    expect(joint.has('frame:adversary@joint')).toBe(true);
    expect(about.has('frame:adversary@pair')).toBe(true);
    expect(about.has('frame:adversary@joint')).toBe(false);
  });
});
