/**
 * Who a headline says is acting, and about what: the frame of a report. Same-event grouping and
 * the edition use it to tell the straight reports of the two leaders' meeting (one event, however
 * many facets it has) from another actor's move pegged to it ("US urges Xi to press Putin"), a
 * commentary about it ("Why growing China-Russia military ties worry the west"), or a meeting
 * that also has a third state at the table.
 *
 * Read from the headline's main clause: what follows "as", "while", "amid", "ahead of" or
 * "despite" is the backdrop ("US rushes tanks to Ukraine as Putin meets Xi"). A trailing
 * ": White House" names the speaker; a leading "Analysis:" or "Ukraine latest:" is a label.
 * English headlines only: for other languages the frame is unknown and changes nothing.
 */
import { findMentions, isSide, type Mention } from './entities.ts';

export interface HeadlineFrame {
  /** The main clause names China's side and Russia's side. */
  bilateral: boolean;
  /** The meeting is a phone or video call (another event than talks in person). */
  call: boolean;
  /** Xi or Putin is named in the main clause. */
  leader: boolean;
  /** A meeting, visit, call or summit of the two is named anywhere in the headline. */
  meeting: boolean;
  /** The main clause's subject, or the speaker after a final colon, is neither side: who it is. */
  thirdParty?: string;
  /** Another state or a multilateral forum is named in the main clause. */
  otherParticipant: boolean;
  /** An analysis, explainer, opinion or question rather than a report of what happened. */
  commentary: boolean;
  /** The headline is in English (the frame is read only there). */
  known: boolean;
}

/** "US rushes tanks to Ukraine as Putin meets Xi": what follows is the backdrop, not the event. */
const BACKGROUND_CLAUSE = /\s(?:even as|as|while|amid|ahead of|despite)\s/i;
/** "As Xi and Putin resume talks, Japan's leader visits Ukraine": the same backdrop, put first. */
const LEADING_CLAUSE = /^(?:as|while|amid|ahead of|despite|even as)\s[^,]{5,90},\s+(?=\S)/i;
const MEETING =
  /\b(talks|meet(s|ing|ings)?|met|visit(s|ed|ing)?|state visit|trip|arriv(es|ed|al|ing)|welcom(e|es|ed|ing)|greet(s|ed)?|host(s|ed)?|summit|call(s|ed)?|phone|invit(es|ed|ation)|red carpet|dinner|toast(s|ed)?|handshake)\b/i;
const CALL =
  /\b(phone|video|telephone)[ -]?(call|talks|conversation|link|summit)s?\b|\bby phone\b|\bcall(s|ed)? (with|on)\b/i;
/** Multilateral forums: a meeting there is another event than a bilateral one. */
const FORUM =
  /\b(SCO|BRICS|G20|G7|Shanghai Cooperation|United Nations|UN|ASEAN|APEC|Eurasian Economic Union)\b/;
const COMMENTARY =
  /\?|^(why|how|what|who|whether|is|are|can|could|will|does|do|should)\b|\b(analysis|opinion|explainer|explained|the reality|behind the|here['’]s|things to (watch|know)|what (it|this) means|lessons|\d+ years of|a look at|view from|the view)\b|(?<!\bto )\b(portrays?|highlights?|underlines?|underscores?|reveals?|exposes?)\b/i;
/** What the two sides do together or say to each other at a meeting. */
const JOINT_ACT =
  /\b(sign(s|ed)?|ink(s|ed)?|agree(s|d)?|hits? out|slam(s|med)?|criticis(e|es|ed)|criticiz(e|es|ed)|condemn(s|ed)?|invok(e|es|ed)|stress(es|ed)?|reaffirm(s|ed)?|affirm(s|ed)?|celebrat(e|es|ed)|pledge[sd]?|vow(s|ed)?|hail(s|ed)?|laud(s|ed)?|tout(s|ed)?|praise[sd]?|discuss(es|ed)?|tell(s)?|told|say(s)?|said|urge[sd]?|thank(s|ed)?|back(s|ed)?|support(s|ed)?|offer(s|ed)?|bind(s)?|boost(s|ed)?|deepen(s|ed)?|strengthen(s|ed)?)\b/i;
/** Words that join names into one party: "Russia and Mongolia", "China-Russia-Mongolia", "Putin, Kim and Xi". */
const JOINED = /^\s*(,|and|&|with|-|–|and with)\s*$/i;
/** Headline words of languages other than English that share its script (Polish, the largest here). */
const NOT_ENGLISH = /[ąćęłńśźżĄĆĘŁŃŚŹŻ]|\b(na|się|nie|jest|oraz|przez|dla|że|czy|jak|po|ze|w|z|i)\b/;
/** A headline label: "Analysis:", "Ukraine latest:", "Live:". */
const LABEL = /^[^:]{2,30}:\s+(?=\S)/;
/** A speaker after the last colon: "…: White House", "…: Rep. Mike Waltz", "…: expert". */
const SPEAKER = /:\s*([^:]{2,40})$/;
/** People quoted as commentators, with no state behind them. */
const COMMENTATOR =
  /(?<![\p{L}])(expert|experts|analyst|analysts|rep\.|sen\.|senator|lawmakers?|congressman|professor|scholar|former|ex-)(?![\p{L}])/iu;

/** The frame of an English headline; `known: false` for other languages. */
export function frameOfHeadline(title: string): HeadlineFrame {
  const text = title.replace(/\s+/g, ' ').trim();
  const known = /^[\p{Script=Latin}\p{N}\p{P}\p{S}\s]+$/u.test(text) && !NOT_ENGLISH.test(text);
  const empty: HeadlineFrame = {
    bilateral: false,
    call: false,
    leader: false,
    meeting: false,
    otherParticipant: false,
    commentary: false,
    known,
  };
  if (!known) return empty;

  let body = text;
  let speaker: string | undefined;
  const suffix = SPEAKER.exec(body);
  if (suffix && suffix.index > 20 && suffix[1]!.split(' ').length <= 5) {
    speaker = suffix[1]!.trim();
    body = body.slice(0, suffix.index);
  }
  const label = LABEL.exec(body);
  // "Ukraine latest: …" is a label; "Putin: China peace plan could be basis…" names its speaker.
  let spokenByLeader = false;
  if (label && label[0].split(' ').length <= 4 && body.length - label[0].length > 20) {
    const named = findMentions(label[0]);
    if (!named.some((m) => isSide(m.party))) body = body.slice(label[0].length);
    else spokenByLeader = named.some((m) => m.entity.kind === 'leader');
  }

  const { main } = splitHeadline(body);
  const mentions = findMentions(main);
  // A joint project ("Power of Siberia 2 talks stall") names the relation, not the two as actors.
  const sides = new Set(
    mentions.filter((m) => isSide(m.party) && m.entity.kind !== 'project').flatMap(sidesOf),
  );
  const participants = mentions.filter((m, i) => m.party === 'third' && joinedToSide(main, mentions, i));
  const subject = firstActor(mentions);
  const leaders = new Set(
    mentions.filter((m) => m.entity.kind === 'leader' && isSide(m.party)).map((m) => m.entity.id),
  );
  let thirdParty: string | undefined;
  // An expert's or a lawmaker's claim is commentary, whoever it is about.
  let commentator = false;
  if (speaker) {
    const voice = findMentions(speaker)[0];
    if (voice && !isSide(voice.party)) thirdParty = voice.entity.label;
    else if (!voice && COMMENTATOR.test(speaker)) {
      thirdParty = speaker;
      commentator = true;
    }
  }
  if (!thirdParty && subject && !isSide(subject.party)) thirdParty = subject.entity.label;
  return {
    bilateral: sides.has('china') && sides.has('russia'),
    call: CALL.test(text),
    leader: leaders.size > 0,
    meeting:
      MEETING.test(text) ||
      spokenByLeader ||
      leaders.size === 2 ||
      (leaders.size > 0 && JOINT_ACT.test(body)),
    ...(thirdParty ? { thirdParty } : {}),
    otherParticipant: participants.length > 0 || FORUM.test(main),
    commentary: commentator || COMMENTARY.test(body),
    known,
  };
}

/**
 * A straight report of the two sides meeting or speaking to each other: both sides in the main
 * clause with a leader or a meeting named, said by one of them, about the two of them alone.
 */
export function isBilateralReport(frame: HeadlineFrame): boolean {
  return (
    frame.known &&
    frame.bilateral &&
    frame.meeting &&
    !frame.thirdParty &&
    !frame.otherParticipant &&
    !frame.commentary
  );
}

/** Whether a text names China's side and Russia's side (a joint project names both). */
export function namesBothSides(text: string): boolean {
  const parties = new Set(
    findMentions(text)
      .filter((m) => isSide(m.party))
      .map((m) => m.party),
  );
  return parties.has('both') || (parties.has('china') && parties.has('russia'));
}

/** The headline's main clause and its backdrop ("… as Putin meets Xi"). */
export function splitHeadline(title: string): { main: string; background: string } {
  const lead = LEADING_CLAUSE.exec(title);
  if (lead) return { main: title.slice(lead[0].length), background: lead[0] };
  const m = BACKGROUND_CLAUSE.exec(title);
  if (!m || m.index < 15) return { main: title, background: '' };
  return { main: title.slice(0, m.index), background: title.slice(m.index) };
}

function sidesOf(m: Mention): ('china' | 'russia')[] {
  if (m.party === 'both') return ['china', 'russia'];
  return m.party === 'china' || m.party === 'russia' ? [m.party] : [];
}

/** Whether the third party at `i` is named together with one of the sides ("Russia and Mongolia"). */
function joinedToSide(text: string, mentions: readonly Mention[], i: number): boolean {
  const m = mentions[i]!;
  const before = mentions[i - 1];
  const after = mentions[i + 1];
  return (
    (before !== undefined &&
      (isSide(before.party) || before.party === 'third') &&
      JOINED.test(text.slice(before.end, m.start))) ||
    (after !== undefined &&
      (isSide(after.party) || after.party === 'third') &&
      JOINED.test(text.slice(m.end, after.start)))
  );
}

/** The first actor named: a state, its leader, capital or officials (not a currency or a place). */
function firstActor(mentions: readonly Mention[]): Mention | undefined {
  return mentions.find((m) => m.entity.kind !== 'currency' && m.entity.kind !== 'place');
}
