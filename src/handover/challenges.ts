// The wiki's challenges (seeds/kundenabgabe.txt): reasons that are not valid on their own. The VPA sees the
// wiki's answer at once and may still submit; the request is then flagged for the community team.
// The patterns run on normalised text (see text.ts), so case, umlauts ("ä" or "ae") and punctuation do not
// matter. A hit directly preceded by a negation ("nicht knausrig", "nicht mehr geizig") does not count,
// except "nicht nur" ("nicht nur knausrig" still means knausrig).
import type { ReasonCategory } from './labels.ts';
import { normalizeText, wordCount } from './text.ts';

export const CHALLENGE_IDS = ['hard_to_reach', 'stingy', 'choosing_clients', 'no_measures'] as const;
export type ChallengeId = (typeof CHALLENGE_IDS)[number];

export interface Challenge {
  id: ChallengeId;
  /** Short German heading. */
  title: string;
  /** The wiki's answer in respectful German. */
  text: string;
}

export interface ChallengeInput {
  reasonCategory: ReasonCategory;
  /** The concrete reason. Only this text is searched for the phrases (measures describe what was tried). */
  reason: string;
  /** Measures already taken; for `collaboration` they must be described. */
  measures: string;
}

/** Shown above the challenges: why a change of VPA is the exception. */
export const CHALLENGE_INTRO =
  'Danke, dass du dein Anliegen offen schilderst. Ein VPA-Wechsel ist möglich, sollte aber die Ausnahme bleiben: ' +
  'Er bedeutet für den Kunden oft Wissensverlust, Vertrauensverlust und zusätzlichen Aufwand.';

/** Shown below the challenges. */
export const CHALLENGE_CLOSING =
  'Du kannst die Anfrage trotzdem einreichen. Das Community-Team schaut sie sich dann besonders genau an ' +
  'und meldet sich bei dir – wir nehmen deine Situation und deine Bedenken ernst.';

export const CHALLENGES: Record<ChallengeId, Challenge> = {
  hard_to_reach: {
    id: 'hard_to_reach',
    title: 'Kunde schwer erreichbar',
    text:
      'Dass ein Kunde schwer zu erreichen ist, ist für sich allein kein Grund für einen Wechsel – ein anderer VPA hätte ' +
      'schließlich die gleichen Probleme. Versuche bitte zuerst, mit dem Kunden feste Kommunikationswege und Zeiten zu ' +
      'vereinbaren (zum Beispiel einen kurzen regelmäßigen Termin), und halte fest, was du schon versucht hast. ' +
      'Das Community-Team unterstützt dich dabei gern und kann auch vermitteln.',
  },
  stingy: {
    id: 'stingy',
    title: 'Kunde „knausrig“ mit Budgets',
    text:
      'Ein knappes Budget ist für sich allein kein Grund für einen Wechsel: Ein anderer VPA hätte mit dem Kunden die ' +
      'gleichen Probleme. Sprich das Budget bitte offen beim Kunden an – was im vorhandenen Rahmen möglich ist und was ' +
      'darüber hinaus mehr Zeit braucht. Wenn du möchtest, kann das Community-Team dabei vermitteln.',
  },
  choosing_clients: {
    id: 'choosing_clients',
    title: 'Kunden aussuchen',
    text:
      'In unserer Community kann man sich die Kunden nicht aussuchen, und es ist für jeden VPA zumutbar, auch einmal ' +
      'einen „schwierigeren“ Kunden zu betreuen – ein anderer VPA hätte mit ihm die gleichen Probleme. Wenn dich etwas ' +
      'an der Zusammenarbeit belastet, sprich es bitte zuerst beim Kunden an. Das Community-Team unterstützt dich dabei ' +
      'und kann vermitteln.',
  },
  no_measures: {
    id: 'no_measures',
    title: 'Maßnahmen fehlen',
    text:
      'Wenn die Zusammenarbeit nicht klappt, ist ein Wechsel erst sinnvoll, wenn mehrere Maßnahmen zur Verbesserung ' +
      'versucht wurden. Bitte beschreibe, was du schon unternommen hast (zum Beispiel ein klärendes Gespräch oder feste ' +
      'Absprachen zu Aufgaben und Erreichbarkeit). Hast du noch nichts versucht, sprich die Probleme bitte zuerst beim ' +
      'Kunden an – das Community-Team kann dabei vermitteln.',
  },
};

// `W` is one word plus its trailing space; `WN` is one word that is not "nicht" (a gap must not swallow a negation).
const W = '[a-z0-9]+\\s';
const WN = '(?!nicht\\b)[a-z0-9]+\\s';

function patterns(sources: string[]): RegExp[] {
  return sources.map((s) => new RegExp(`\\b(?:${s})`, 'g'));
}

const HARD_TO_REACH = patterns([
  `(?:schwer|schwierig|schlecht|kaum|selten|nie|nicht)\\s(?:zu\\s)?erreich(?:bar|en)\\b`,
  `unerreichbar`,
  `(?:schlechte|mangelnde|fehlende|geringe|miese)\\serreichbarkeit\\b`,
  `erreichbarkeit\\s(?:${WN}){0,2}(?:schlecht|mangelhaft|katastrophal|miserabel|ein problem)\\b`,
  `meldet\\ssich\\s(?:${W}){0,2}(?:nicht|kaum|nie|selten)\\b`,
  `(?:antwortet|reagiert|ruft)\\s(?:${W}){0,2}(?:nicht|kaum|nie|selten)\\b(?!\\s(?:gut|positiv|freundlich|angemessen|wie)\\b)`,
  `keine\\s(?:${W})?(?:rueckmeldung|rueckmeldungen|antwort|antworten|reaktion|reaktionen)\\b`,
  `hinterher\\s?(?:laufen|rennen|telefonieren|schreiben|jagen)`,
  `funkstille\\b`,
  `ghost(?:et|t|ing)\\b`,
  `abgetaucht\\b`,
  `taucht\\s(?:${W}){0,2}ab\\b`,
  `(?:nicht|kaum|nie)\\s(?:greifbar|ansprechbar)\\b`,
]);

const STINGY = patterns([
  `knause?rig`,
  `knauser`,
  `geizig`,
  `geiz\\b`,
  `geizhals`,
  `pfennigfuchs`,
  `budgets?\\s(?:${WN}){0,5}?(?:zu|sehr|extrem)\\s(?:klein|gering|knapp|niedrig|wenig)\\b`,
  `budgets?\\s(?:ist|sind|war|bleibt)\\s(?:${WN})?(?:klein|gering|knapp|niedrig|mickrig|winzig)\\b`,
  `(?:kleines|kleinen|kleinem|geringes|geringen|knappes|knappen|niedriges|niedrigen|winziges|winzigen|mickriges|mickrigen|minimales|minimalen)\\sbudget`,
  `budgets?\\s(?:${WN}){0,3}(?:reicht|genuegt|langt)\\s(?:${W}){0,3}nicht\\b`,
  `zu\\swenige?r?\\s(?:budget|stunden|geld)\\b`,
  `(?:kein|keinen|kaum|nicht genug|nicht ausreichend|nicht genuegend)\\s(?:${W})?budget`,
  `budgets?\\s(?:${WN}){0,4}(?:nicht|nie)\\s(?:erhoeht|erhoehen|aufgestockt|aufstocken|angepasst|anpassen|vergroessert)`,
  `budgets?\\s(?:${W}){0,3}(?:gekuerzt|gestrichen|reduziert|zusammengestrichen)\\b`,
  `(?:kuerzt|streicht|reduziert)\\s(?:${W}){0,3}budget`,
  `(?:will|moechte|mag|wollte)\\s(?:${W}){0,4}(?:nichts|nicht|kaum|wenig)\\s(?:mehr\\s)?(?:be)?zahlen\\b`,
  `zahlt\\s(?:${W}){0,2}(?:zu wenig|wenig|schlecht|nicht genug|ungern)\\b`,
  `(?:feilscht|verhandelt|diskutiert)\\s(?:${W}){0,3}(?:jede|jeden|jeder)\\s(?:minute|stunde|euro|cent|rechnung|position)`,
  `jede\\s(?:minute|stunde)\\s(?:${W}){0,3}(?:diskutiert|hinterfragt|angezweifelt|beanstandet|gestrichen)`,
]);

const CHOOSING = patterns([
  `(?:aussuchen|aussucht|auszusuchen|ausgesucht|aussuche)\\b`,
  `kunden\\s(?:${W}){0,2}(?:selbst\\s|selber\\s)?(?:auswaehlen|waehlen)\\b`,
  `lieber\\s(?:${W}){0,2}(?:andere|anderen|einen anderen|eine andere|neue|neuen)\\s(?:${W})?(?:kunden|kundin|kundinnen|kunde|auftraege|auftraggeber)\\b`,
  `(?:andere|neue)\\s(?:kunden|auftraege)\\s(?:${W}){0,2}lieber\\b`,
  `(?:spannendere|spannenderen|interessantere|interessanteren|angenehmere|angenehmeren|lukrativere|lukrativeren|nettere|netteren)\\s(?:kunden|kundin|auftraege|aufgaben|auftraggeber)\\b`,
  `passt\\smir\\s(?:${W})?nicht\\b`,
  `passt\\s(?:${W}){0,2}nicht\\s(?:mehr\\s)?zu\\smir\\b`,
  `(?:keine|null|wenig)\\slust\\b`,
  `kein\\sbock\\b`,
  `mag\\s(?:den kunden|die kundin|diesen kunden|diese kundin|ihn|sie)\\s(?:${W})?nicht\\b`,
  `unsympathisch`,
  `nicht\\s(?:so\\s)?sympathisch`,
  `nicht\\smein\\s(?:typ|ding|fall)\\b`,
  `(?:langweilige?n?|oeden?|eintoenige?n?|stumpfe?n?)\\s(?:aufgaben|arbeit|taetigkeiten|kunde|kunden)\\b`,
  `(?:aufgaben|arbeit|taetigkeiten)\\s(?:sind|ist|waren|werden)\\s(?:${WN})?(?:langweilig|oede|eintoenig|stumpf)\\b`,
]);

/** "keine", "bisher nichts unternommen", "ich habe noch nichts versucht": a non-answer as the whole text. */
const NO_MEASURES_TEXT =
  /^(?:(?:ich|wir|habe|haben|hab|hatte|es|wurden|wurde|bisher|bislang|noch|leider|eigentlich|gar|ueberhaupt)\s)*(?:keine|kein|nichts|nix|nein)(?:\s(?:massnahmen|massnahme|weiteren|weitere|unternommen|versucht|gemacht|ergriffen|getan|probiert|bisher|noch|gar|ueberhaupt))*$/;

/** Fewer words than this do not describe measures ("Gespräch geführt"): the wiki asks for several. */
export const MIN_MEASURE_WORDS = 3;

const NEGATIONS = new Set(['nicht', 'nie', 'niemals', 'kein', 'keine', 'keinesfalls', 'keineswegs']);

function negatedAt(text: string, index: number): boolean {
  const before = text.slice(0, index).trim().split(' ').slice(-2);
  return before.some((word, i) => NEGATIONS.has(word) && before[i + 1] !== 'nur');
}

function matchesAny(text: string, regexes: RegExp[]): boolean {
  for (const re of regexes) {
    for (const m of text.matchAll(re)) {
      if (!negatedAt(text, m.index)) return true;
    }
  }
  return false;
}

/** True when `measures` does not describe what was tried (empty, too short, or "keine"). */
export function measuresMissing(measures: string): boolean {
  const n = normalizeText(measures);
  return wordCount(n) < MIN_MEASURE_WORDS || NO_MEASURES_TEXT.test(n);
}

/**
 * The challenges that fire for a request, in a fixed order, each at most once. Empty when the reason is
 * plausible on its face (the community team still reviews every request).
 * `hard_to_reach` does not fire for the category `long_inactive`: a long inactive client is a valid reason
 * and naturally "meldet sich nicht"; the review card shows the last task so the team can check the claim.
 */
export function challengesFor(input: ChallengeInput): Challenge[] {
  const reason = normalizeText(input.reason);
  const fired: Challenge[] = [];
  if (input.reasonCategory !== 'long_inactive' && matchesAny(reason, HARD_TO_REACH)) fired.push(CHALLENGES.hard_to_reach);
  if (matchesAny(reason, STINGY)) fired.push(CHALLENGES.stingy);
  if (matchesAny(reason, CHOOSING)) fired.push(CHALLENGES.choosing_clients);
  if (input.reasonCategory === 'collaboration' && measuresMissing(input.measures)) fired.push(CHALLENGES.no_measures);
  return fired;
}

export function isChallengeId(value: string): value is ChallengeId {
  return (CHALLENGE_IDS as readonly string[]).includes(value);
}
