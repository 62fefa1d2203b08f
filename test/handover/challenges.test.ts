import { describe, expect, it } from 'vitest';
import { challengesFor, CHALLENGE_INTRO, CHALLENGE_CLOSING, type ChallengeId } from '../../src/handover/challenges.ts';
import { normalizeText } from '../../src/handover/text.ts';
import type { ReasonCategory } from '../../src/handover/labels.ts';

const MEASURES = 'Zwei klärende Gespräche geführt und feste Termine vereinbart.';

function ids(reason: string, reasonCategory: ReasonCategory = 'other', measures = MEASURES): ChallengeId[] {
  return challengesFor({ reasonCategory, reason, measures }).map((c) => c.id);
}

describe('normalizeText', () => {
  it('folds case, umlauts, ß, accents, punctuation and whitespace', () => {
    expect(normalizeText('  Der KUNDE ist „knausrig“!\n\tÜBER-mäßig  geizig… Straße ')).toBe('der kunde ist knausrig ueber maessig geizig strasse');
    expect(normalizeText('Erhöht')).toBe(normalizeText('erhoeht'));
    expect(normalizeText('Café')).toBe('cafe');
    expect(normalizeText('')).toBe('');
  });
});

describe('challengesFor: client hard to reach', () => {
  const phrasings = [
    'Der Kunde ist schwer erreichbar.',
    'Kunde ist SCHWER ERREICHBAR',
    'Kundin ist schwierig zu erreichen',
    'Er ist telefonisch nicht erreichbar',
    'Der Kunde ist kaum erreichbar und meldet sich nie.',
    'Leider unerreichbar seit Wochen',
    'Er meldet sich nicht',
    'Der Kunde meldet sich einfach nicht zurück',
    'meldet sich kaum',
    'Er antwortet nicht auf meine Mails',
    'Der Kunde reagiert kaum auf Nachrichten',
    'Ich bekomme keine Rückmeldung',
    'keine Rueckmeldungen, keine Antwort',
    'Die Erreichbarkeit ist schlecht',
    'schlechte Erreichbarkeit',
    'Ich muss ihm ständig hinterherlaufen',
    'Funkstille seit drei Wochen',
    'Er ruft nie zurück',
  ];
  for (const reason of phrasings) {
    it(`fires on "${reason}"`, () => {
      expect(ids(reason)).toEqual(['hard_to_reach']);
    });
  }

  it('does not fire on positive or negated statements', () => {
    expect(ids('Der Kunde ist gut erreichbar, aber der Bedarf hat sich komplett geändert.')).toEqual([]);
    expect(ids('Der Kunde ist nicht schwer erreichbar, die Aufgaben sind aber jetzt Buchhaltung.')).toEqual([]);
    expect(ids('Erreichbarkeit ist gut.')).toEqual([]);
    expect(ids('Er meldet sich regelmäßig.')).toEqual([]);
  });

  it('does not fire for the valid reason "Kunde war länger inaktiv"', () => {
    expect(ids('Kunde war 6 Monate inaktiv und meldet sich nicht mehr', 'long_inactive')).toEqual([]);
    expect(ids('Kunde war 6 Monate inaktiv und meldet sich nicht mehr', 'other')).toEqual(['hard_to_reach']);
  });
});

describe('challengesFor: stingy with budgets', () => {
  const phrasings = [
    'Der Kunde ist knausrig.',
    'Kunde ist „knausrig“ mit Budgets',
    'sehr KNAUSERIG',
    'Er ist geizig',
    'Budget zu klein',
    'Das Budget ist viel zu knapp',
    'Das Budget des Kunden ist einfach zu gering für die Aufgaben',
    'Kleines Budget, viele Aufgaben',
    'Das Budget reicht nicht',
    'Das Budget reicht hinten und vorne nicht',
    'zu wenig Budget',
    'Er will für die Mehrarbeit nicht zahlen',
    'Der Kunde will nichts bezahlen',
    'Er zahlt zu wenig',
    'Das Budget wurde nicht erhöht, obwohl ich gefragt habe',
    'Er hat das Budget gekürzt',
    'Er kürzt ständig das Budget',
    'feilscht um jede Minute',
    'Pfennigfuchser',
    'nicht nur knausrig, auch unfreundlich',
  ];
  for (const reason of phrasings) {
    it(`fires on "${reason}"`, () => {
      expect(ids(reason)).toEqual(['stingy']);
    });
  }

  it('avoids false positives about budgets', () => {
    expect(ids('Das Budget wurde erhöht, aber die Aufgaben sind jetzt Steuerberatung.')).toEqual([]);
    expect(ids('Budget ist ausreichend, der Bedarf hat sich aber geändert.')).toEqual([]);
    expect(ids('Das Budget ist nicht zu klein, aber die Aufgaben passen nicht mehr zu meinen Kompetenzen.')).toEqual([]);
    expect(ids('Er ist nicht knausrig.')).toEqual([]);
    expect(ids('Er ist nicht mehr geizig, seit das Budget erhöht wurde.')).toEqual([]);
    expect(ids('Großes Budget, aber ganz andere Aufgaben als vereinbart.')).toEqual([]);
  });
});

describe('challengesFor: the VPA wants to choose clients', () => {
  const phrasings = [
    'Ich möchte mir meine Kunden aussuchen',
    'Ich hätte lieber andere Kunden',
    'Ich hätte lieber einen anderen Kunden',
    'Der Kunde passt mir nicht',
    'Der Kunde passt einfach nicht zu mir',
    'Ich habe keine Lust mehr auf den Kunden',
    'Ich mag den Kunden nicht',
    'Er ist mir unsympathisch',
    'Nicht mein Typ',
    'Ich möchte spannendere Kunden',
    'Die Aufgaben sind langweilig',
  ];
  for (const reason of phrasings) {
    it(`fires on "${reason}"`, () => {
      expect(ids(reason)).toEqual(['choosing_clients']);
    });
  }

  it('does not fire on needs that changed', () => {
    expect(ids('Die Aufgaben passen nicht mehr zu meinen Kompetenzen (jetzt Lohnbuchhaltung).', 'needs_changed')).toEqual([]);
    expect(ids('Der Kunde braucht jetzt 40 Stunden pro Woche statt 5, das kann ich nicht abdecken.', 'needs_changed')).toEqual([]);
    expect(ids('Der Kunde möchte andere Aufgaben vergeben, die nicht zu meinem Profil passen.', 'needs_changed')).toEqual([]);
  });
});

describe('challengesFor: collaboration without measures', () => {
  it('fires when measures are empty, too short or say "none"', () => {
    for (const measures of ['', '   ', '-', 'keine', 'Keine.', 'nichts', 'noch keine Maßnahmen', 'bisher nichts unternommen', 'Ich habe noch nichts versucht', 'n/a', 'Gespräch geführt']) {
      expect(ids('Die Zusammenarbeit klappt trotz allem nicht, er ändert ständig Prioritäten.', 'collaboration', measures), measures).toEqual(['no_measures']);
    }
  });

  it('does not fire when measures are described', () => {
    expect(ids('Die Zusammenarbeit klappt nicht, er ändert ständig Prioritäten.', 'collaboration', MEASURES)).toEqual([]);
    expect(ids('Die Zusammenarbeit klappt nicht.', 'collaboration', 'Keine Maßnahme hat geholfen: drei Gespräche, Wochenplan, Feedback-Runde.')).toEqual([]);
  });

  it('only applies to the collaboration category', () => {
    expect(ids('Der Bedarf hat sich geändert: jetzt Grafikdesign.', 'needs_changed', '')).toEqual([]);
    expect(ids('Kunde war ein Jahr inaktiv.', 'long_inactive', '')).toEqual([]);
  });
});

describe('challengesFor: combinations and texts', () => {
  it('reports several challenges in a fixed order, each once', () => {
    const r = challengesFor({ reasonCategory: 'collaboration', reason: 'Knausrig, schwer erreichbar, geizig und ich hätte lieber andere Kunden. Meldet sich nicht.', measures: '' });
    expect(r.map((c) => c.id)).toEqual(['hard_to_reach', 'stingy', 'choosing_clients', 'no_measures']);
  });

  it('gives the wiki answer in respectful German', () => {
    const all = challengesFor({ reasonCategory: 'collaboration', reason: 'knausrig, schwer erreichbar, lieber andere Kunden', measures: '' });
    const text = [CHALLENGE_INTRO, ...all.flatMap((c) => [c.title, c.text]), CHALLENGE_CLOSING].join('\n');
    expect(CHALLENGE_INTRO).toMatch(/Wissensverlust/);
    expect(CHALLENGE_INTRO).toMatch(/Vertrauensverlust/);
    expect(CHALLENGE_INTRO).toMatch(/Aufwand/);
    expect(text).toMatch(/nicht aussuchen/);
    expect(text).toMatch(/anderer VPA hätte .*die gleichen Probleme/);
    expect(text).toMatch(/Community-Team/);
    expect(text).toMatch(/vermitteln/);
    expect(CHALLENGE_CLOSING).toMatch(/trotzdem einreichen/);
    // umlauts, not ASCII stand-ins, and no imperative shouting
    expect(text).not.toMatch(/\bmoeglich|\bfuer\b|\bkoennen\b|\bueber\b/);
    expect(text).not.toMatch(/!/);
  });

  it('returns nothing for a plausible reason', () => {
    expect(challengesFor({ reasonCategory: 'needs_changed', reason: 'Der Kunde braucht jetzt Buchhaltung nach HGB, das kann ich fachlich nicht abdecken.', measures: '' })).toEqual([]);
  });
});
