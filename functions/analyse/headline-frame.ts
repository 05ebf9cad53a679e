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
 * English and Polish headlines (each language with its own words, the same rules); for other
 * languages the frame is unknown and changes nothing.
 */
import { findMentions, isSide, type Mention } from './entities.ts';

/** Headline actors (the lexicon's labels) that answer for the West. */
export const WESTERN_ACTORS: ReadonlySet<string> = new Set(['United States', 'EU', 'NATO']);

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
  /**
   * A commentary that looks ahead at the meeting itself ("Three things to watch as Xi meets
   * Putin", "How Putin's meetings with Xi could impact the war"): a preview pegged to the event,
   * with no argument of its own.
   */
  preview: boolean;
  /** The headline is in English (the frame is read only there). */
  known: boolean;
}

/** How one language's headlines say who acts, about what, and in what voice. */
interface FrameRules {
  /** "US rushes tanks to Ukraine as Putin meets Xi": what follows is the backdrop, not the event. */
  background: RegExp;
  /** "As Xi and Putin resume talks, Japan's leader visits Ukraine": the same backdrop, put first. */
  leading: RegExp;
  meeting: RegExp;
  call: RegExp;
  commentary: RegExp;
  /** What the two sides do together or say to each other at a meeting. */
  jointAct: RegExp;
  /** People quoted as commentators, with no state behind them. */
  commentator: RegExp;
  /** A preview of an event: what to watch or expect, what it could change. */
  preview: RegExp;
  /** After a demonym: its people, not its state ("Chinese public", "Russian netizens"). */
  public: RegExp;
}

const EN_RULES: FrameRules = {
  // "as" after a verb of role ("bills itself as a peacemaker", "seen as", "such as") names a role,
  // not a backdrop.
  background:
    /(?<!\b(?:itself|himself|herself|themselves|seen|viewed|regarded|billed|bills|cast|casts|portrayed|portrays|emerges|emerged|serves|served|acts|acted|known|described|touted|touts|hailed|positions|positioned|such|same|well))\s(?:even as|as|while|amid|ahead of|despite)\s/i,
  leading: /^(?:as|while|amid|ahead of|despite|even as)\s[^,]{5,90},\s+(?=\S)/i,
  meeting:
    /\b(talks|meet(s|ing|ings)?|met|visit(s|ed|ing)?|state visit|trip|arriv(es|ed|al|ing)|welcom(e|es|ed|ing)|greet(s|ed)?|host(s|ed)?|summit|call(s|ed)?|phone|invit(es|ed|ation)|red carpet|dinner|toast(s|ed)?|handshake)\b/i,
  call: /\b(phone|video|telephone)[ -]?(call|talks|conversation|link|summit)s?\b|\bby phone\b|\bcall(s|ed)? (with|on)\b|\b(hold|holds|held|holding|have|has|had) (a |an |their )?(\w+ )?call\b/i,
  commentary:
    /\?|^(why|how|what|who|whether|is|are|can|could|will|does|do|should)\b|\b(analysis|opinion|explainer|explained|the reality|behind the|here['’]s|things to (watch|know)|what (it|this) means|lessons|\d+ years of|a look at|view from|the view)\b|(?<!\bto )\b(portrays?|highlights?|underlines?|underscores?|reveals?|exposes?)\b|\bbut there(['’]s| is| are)\b/i,
  jointAct:
    /\b(sign(s|ed)?|ink(s|ed)?|agree(s|d)?|hits? out|slam(s|med)?|criticis(e|es|ed)|criticiz(e|es|ed)|condemn(s|ed)?|invok(e|es|ed)|stress(es|ed)?|reaffirm(s|ed)?|affirm(s|ed)?|celebrat(e|es|ed)|pledge[sd]?|vow(s|ed)?|hail(s|ed)?|laud(s|ed)?|tout(s|ed)?|praise[sd]?|discuss(es|ed)?|tell(s)?|told|say(s)?|said|urge[sd]?|thank(s|ed)?|back(s|ed)?|support(s|ed)?|offer(s|ed)?|bind(s)?|boost(s|ed)?|deepen(s|ed)?|strengthen(s|ed)?)\b/i,
  commentator:
    /(?<![\p{L}])(expert|experts|analyst|analysts|rep\.|sen\.|senator|lawmakers?|congressman|professor|scholar|former|ex-)(?![\p{L}])/iu,
  preview:
    /\b(things to (watch|know|expect)|what to (watch|expect|know)|how\b.{3,60}\b(could|will|may|might|would) (affect|impact|shape|change|alter|influence))\b/i,
  public:
    /^\s*(public|people|netizens|internet users|social media users|citizens|residents|voters|students|bloggers|youth)\b/i,
};

/** A Polish word starting with one of the stems (Polish inflects: "spotkanie", "spotkaniu", "spotkał"). */
const plStems = (stems: string, whole = ''): RegExp =>
  new RegExp(`(?<![\\p{L}])(?:(?:${stems})\\p{L}*${whole ? `|(?:${whole})(?![\\p{L}])` : ''})`, 'iu');

/**
 * Polish, the largest language after English in the feeds: the same frame read with its own
 * words. "Komentarze po wizycie…" and a question are commentary; "Putin poparł plan Chin. Jest
 * wspólne oświadczenie" is the two sides acting; "… , gdy Xi rozmawia z Putinem" is backdrop.
 */
const PL_RULES: FrameRules = {
  background: /,?\s(?:podczas gdy|w czasie gdy|w obliczu|pomimo|mimo)\s|,\s(?:gdy|kiedy)\s/iu,
  leading: /^(?:gdy|kiedy|podczas gdy|w obliczu|mimo|pomimo)\s[^,]{5,90},\s+(?=\S)/iu,
  // "u Putina", "u Xi Jinpinga": at the leader's, a visit ("Naczelny dyplomata Chin u Putina");
  // "… do Putina:" before a quotation: words said to him ("Przywódca Chin do Putina: …").
  meeting: new RegExp(
    `${plStems('spotka|spotkani|rozm[oó]w|rozmawia|wizyt|odwiedz|przyjecha|przylecia|przyby|powita|goś[cć]|gości|szczyt|zaprasza|zaprosi|zaprosze|kolacj|ceremoni|uścis|u putin|u xi').source}|(?<![\\p{L}])do (?:putin|xi)[\\p{L} ]{0,12}:`,
    'iu',
  ),
  call: /rozmow\p{L}* telefoniczn|rozmawia\p{L}* (?:przez )?telefon|przez telefon|wideokonferencj|połączeni\p{L}* wideo/iu,
  commentary: new RegExp(
    `\\?|^(?:dlaczego|jak|co|czy|kto|kiedy|ile|czym)(?![\\p{L}])|${plStems('komentarz|komentuj|analiz|ekspert|publicyst|felieton|wyjaśnia', 'zdaniem|co oznacza|to oznacza|co to oznacza').source}`,
    'iu',
  ),
  jointAct: plStems(
    'podpisa|podpisu|uzgodni|porozumi|umow|umów|oświadcz|deklar|popar|popier|poprze|wspier|wspar|obieca|obiecu|zapewni|zapewnia|omówi|omawia|chwal|pochwal|potępi|potępia|skrytykow|krytyku|ostrzeg|zacieśni|wzmacnia|wzmocni|zadeklarow|zobowiąz|dzięku',
  ),
  commentator: plStems(
    'ekspert|analityk|wicedyrektor|dyrektor|szef|profesor|politolog|sinolog|publicyst|były|była|byli|badacz',
    'prof\\.|dr',
  ),
  preview:
    /na co zwrócić uwagę|czego (się )?(spodziewać|oczekiwać)|co (warto|trzeba|należy) wiedzieć|jak\s.{3,60}\s(wpłyn|zmieni|wpłynie)\p{L}*/iu,
  public:
    /^\s*(opini\p{L}* publiczn\p{L}*|społeczeństw\p{L}*|internau\p{L}*|obywatel\p{L}*|mieszkań\p{L}*)/iu,
};

/** A word starting with one of the stems (Russian inflects as Polish does). */
const stems = (list: string, whole = ''): RegExp => plStems(list, whole);

/**
 * Russian (and the Ukrainian stems that differ): "Путин и Си Цзиньпин провели переговоры" is the
 * two sides meeting; "Почему…", a question or "мнение эксперта" is commentary; "на фоне …" is
 * backdrop.
 */
const RU_RULES: FrameRules = {
  background: /,?\s(?:на фоне|в то время как|пока|несмотря на|накануне|на тлі|напередодні)\s/iu,
  leading: /^(?:на фоне|пока|несмотря на|накануне|на тлі|напередодні)\s[^,]{5,90},\s+(?=\S)/iu,
  meeting: stems(
    'переговор|встреч|встрет|встрети|визит|прибы|посети|посещ|саммит|приня|принима|пригла|ужин|зустр|візит|саміт|прибу|запроси',
  ),
  call: /телефонн\p{L}* (разговор|переговор|розмов)|по телефону|видеосвяз|видеоконференц|відеозв/iu,
  commentary: new RegExp(
    `\\?|^(?:почему|как|что|зачем|кто|чем|чего|чому|як|що)(?![\\p{L}])|${stems('анализ|аналит|мнени|эксперт|колонк|обзор|комментар|експерт|думк', 'чем грозит|что означает|что значит').source}`,
    'iu',
  ),
  jointAct: stems(
    'подписа|договори|соглас|заяви|заявлени|обсуди|обсужда|поддерж|пообеща|осуди|раскритик|призва|укрепл|углуб|подтверди|поблагодари|підписа|домови|обговори|підтрима',
  ),
  commentator: stems('эксперт|аналитик|политолог|профессор|бывш|експерт|аналітик|колишн'),
  preview: /чего ждать|что ожидать|на что обратить внимание|чого чекати/iu,
  public: /^\s*(общественност|пользовател|жител|граждан|громадян|користувач)/iu,
};

/** Multilateral forums: a meeting there is another event than a bilateral one. */
const FORUM =
  /\b(SCO|BRICS|G20|G7|Shanghai Cooperation|United Nations|UN|ASEAN|APEC|Eurasian Economic Union)\b/;
/** Words that join names into one party: "Russia and Mongolia", "China-Russia-Mongolia", "Putin, Kim and Xi". */
const JOINED = /^\s*(,|and|&|with|-|–|and with|i|oraz|z|ze)\s*$/i;
/** Headline words of Polish, the other language read here in the same script as English. */
const POLISH = /[ąćęłńśźżĄĆĘŁŃŚŹŻ]|\b(na|się|nie|jest|oraz|przez|dla|że|czy|jak|po|ze|w|z|i)\b/;
/** A headline label: "Analysis:", "Ukraine latest:", "Live:". */
const LABEL = /^[^:]{2,30}:\s+(?=\S)/;
/** Labels in capitals that are page sections, not speakers ("LIVE:", "WATCH:"). */
const SECTION_LABEL =
  /^(LIVE|UPDATE|UPDATED|WATCH|VIDEO|PHOTOS?|BREAKING|EXCLUSIVE|OPINION|ANALYSIS|LATEST|PILNE|WIDEO|ZDJĘCIA)$/;
/** A name by its initials: "ISW", "OSW". */
const INITIALS = /^[A-Z]{2,6}$/;
/** A speaker after the last colon: "…: White House", "…: Rep. Mike Waltz", "…: expert". */
const SPEAKER = /:\s*([^:]{2,40})$/;
const SAID_BY =
  /,\s*([^,]{2,40}?)\s+(?:says|said|warns|warned|tells|told|claims|claimed|believes|fears|insists|suggests)$/i;

/**
 * The frame rules of a headline's language: English, Polish, Russian (Cyrillic), or none (Chinese
 * and other scripts; Latin-script languages other than Polish are read as English). Chinese
 * rules were tried and left out: they lowered the held-out sample day's same-event F1
 * (0.894 -> 0.851).
 */
function rulesOf(text: string): FrameRules | undefined {
  if (/^[\p{Script=Latin}\p{N}\p{P}\p{S}\s]+$/u.test(text)) return POLISH.test(text) ? PL_RULES : EN_RULES;
  if (
    /^[\p{Script=Cyrillic}\p{Script=Latin}\p{N}\p{P}\p{S}\s]+$/u.test(text) &&
    /\p{Script=Cyrillic}/u.test(text)
  )
    return RU_RULES;
  return undefined;
}

/** The frame of an English or Polish headline; `known: false` for other languages. */
export function frameOfHeadline(title: string): HeadlineFrame {
  const text = title.replace(/\s+/g, ' ').trim();
  const rules = rulesOf(text);
  const known = rules !== undefined;
  const empty: HeadlineFrame = {
    bilateral: false,
    call: false,
    leader: false,
    meeting: false,
    otherParticipant: false,
    commentary: false,
    preview: false,
    known,
  };
  if (!rules) return empty;

  let body = text;
  let speaker: string | undefined;
  // The speaker after a final colon, else after a final comma ("China may give Russia weapons,
  // Anthony Blinken warns").
  for (const form of [SPEAKER, SAID_BY]) {
    const suffix = form.exec(body);
    if (suffix && suffix.index > 20 && suffix[1]!.split(' ').length <= 5) {
      speaker = suffix[1]!.trim();
      body = body.slice(0, suffix.index);
      break;
    }
  }
  const label = LABEL.exec(body);
  // "Ukraine latest: …" is a label; "Putin: China peace plan could be basis…" names its speaker,
  // and so do "USA: …", "ISW: …" and "Wicedyrektor OSW: …" (another state, an institute, an expert).
  let spokenByLeader = false;
  // Three words at most: a name or a role ("Putin:", "Wicedyrektor OSW:"); a longer label is a
  // topic ("Xi's cocoon in Moscow:", "Przywódca Chin do Putina:" is left to the similarity pass).
  if (label && label[0].trim().split(/\s+/).length <= 3 && body.length - label[0].length > 20) {
    const named = findMentions(label[0]);
    const name = label[0].replace(/:\s*$/, '').trim();
    if (named.some((m) => isSide(m.party))) spokenByLeader = named.some((m) => m.entity.kind === 'leader');
    else {
      body = body.slice(label[0].length);
      const institute = INITIALS.test(name) && !SECTION_LABEL.test(name);
      if (!speaker && (named.some((m) => m.party === 'third') || institute || rules.commentator.test(name)))
        speaker = name;
    }
  }

  const { main } = splitHeadline(body, rules);
  const mentions = findMentions(main);
  // A joint project ("Power of Siberia 2 talks stall") names the relation, not the two as actors.
  const sides = new Set(
    mentions.filter((m) => isSide(m.party) && m.entity.kind !== 'project').flatMap(sidesOf),
  );
  const participants = mentions.filter((m, i) => m.party === 'third' && joinedToSide(main, mentions, i));
  const subject = firstActor(mentions, main);
  const leaders = new Set(
    mentions.filter((m) => m.entity.kind === 'leader' && isSide(m.party)).map((m) => m.entity.id),
  );
  let thirdParty: string | undefined;
  // An expert's or a lawmaker's claim is commentary, whoever it is about.
  let commentator = false;
  if (speaker) {
    const voice = findMentions(speaker)[0];
    if (voice && !isSide(voice.party)) thirdParty = voice.entity.label;
    else if (!voice && rules.commentator.test(speaker)) {
      thirdParty = speaker;
      commentator = true;
    }
    // An institute or outlet by its initials ("ISW: …") speaks for neither side.
    else if (!voice && INITIALS.test(speaker) && !SECTION_LABEL.test(speaker)) thirdParty = speaker;
  }
  if (!thirdParty && subject && !isSide(subject.party)) thirdParty = subject.entity.label;
  // "Chinese public not buying Beijing's rosy view…": a side's people, not the side, is the voice.
  if (!thirdParty && subject?.entity.kind === 'people' && rules.public.test(main.slice(subject.end)))
    thirdParty = `${subject.text} ${rules.public.exec(main.slice(subject.end))![0].trim()}`;
  const commentary = commentator || rules.commentary.test(body) || OPINION_LABEL.test(text);
  return {
    bilateral: sides.has('china') && sides.has('russia'),
    call: rules.call.test(text),
    leader: leaders.size > 0,
    meeting:
      rules.meeting.test(text) ||
      spokenByLeader ||
      leaders.size === 2 ||
      (leaders.size > 0 && rules.jointAct.test(body)),
    ...(thirdParty ? { thirdParty } : {}),
    otherParticipant: participants.length > 0 || FORUM.test(main),
    commentary,
    preview: commentary && !commentator && rules.preview.test(body),
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

/**
 * A preview of the two sides' meeting: a commentary about what to watch or expect from it, said by
 * nobody else, naming both sides and the meeting anywhere in the headline.
 */
export function isMeetingPreview(frame: HeadlineFrame, title: string): boolean {
  return frame.known && frame.preview && frame.meeting && !frame.thirdParty && namesBothSides(title);
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

/** A newsletter, live page or round-up: by its label words, or a daypart edition's label ("Wednesday Afternoon Update: …"). */
const ROUND_UP =
  /\b((daily|news|key|top|weekly|morning|evening) highlights|briefing|newsletter|round-?up|live( updates| blog)?|as it happened|at a glance|what we know|the latest|explained|in pictures|in photos|podcast|quiz)\b|^highlights\b|\bhighlights$|\b(weekend|weekly|must|long|best) reads?$|\b(week in review|week ahead|what you missed)\b|^(\p{L}+ )?(the )?(morning|afternoon|evening|midday|daily|weekly|weekend|nightly) (update|wire|digest|bulletin|brief|edition)\s*[:–—-]|[:–—-]\s*(\p{L}+ )?(morning|afternoon|evening|midday|daily|weekly|weekend|nightly) (update|wire|digest|bulletin|brief|edition)$|\|/iu;

/** A newsletter, live page or round-up by its headline: many events, this one among them. */
export function isRoundUp(title: string): boolean {
  return ROUND_UP.test(title);
}

/** The headline's main clause and its backdrop ("… as Putin meets Xi"). */
export function splitHeadline(
  title: string,
  rules: FrameRules = rulesOf(title) ?? EN_RULES,
): { main: string; background: string } {
  const lead = rules.leading.exec(title);
  if (lead) return { main: title.slice(lead[0].length), background: lead[0] };
  const m = rules.background.exec(title);
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
function firstActor(mentions: readonly Mention[], text: string): Mention | undefined {
  return mentions.find(
    (m) => m.entity.kind !== 'currency' && m.entity.kind !== 'place' && !TOPIC_AFTER.test(text.slice(m.end)),
  );
}

/** An opinion or analysis label in any of the frame languages ("Opinia: …", "… [OPINIA]"). */
const OPINION_LABEL =
  /^(opinia|opinion|komentarz|analiza|analysis|мнение)\s*[:|]|\[(opinia|opinion|komentarz|analiza|analysis)\]/iu;

/** A name that opens a topic, not an act ("Ukraine war to be a core part of Xi-Putin talks"). */
const TOPIC_AFTER = /^\s*(war|conflict|crisis|invasion|peace (plan|talks|deal|process))\b/i;
