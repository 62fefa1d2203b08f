// How cards name the roles and what each role can do with the bot. Keyed by Role, so a new role
// fails to compile until its card text exists. (Cards import only types from src/; a test checks
// that these labels match src/people/roles.ts ROLE_LABELS.)
import type { WelcomeModel } from '../../src/notices/types.ts';

export type CardRole = WelcomeModel['roles'][number];

export interface RoleText {
  label: string;
  /** One sentence, addressed to the person ("du"). */
  canDo: string;
  /** One sentence about the role, for cards everyone in a channel or group chat sees; null when another role's sentence covers it. */
  inTeam: string | null;
}

export const ROLE_TEXT: Record<CardRole, RoleText> = {
  vpa: {
    label: 'VPA',
    canDo: 'Du kannst einen Kunden zur Abgabe vorschlagen, einen respektlosen Kunden melden und bekommst Hinweise zu inaktiven Kunden.',
    inTeam: 'VPAs schlagen Kunden zur Abgabe vor, melden respektlose Kunden und bekommen Hinweise zu inaktiven Kunden.',
  },
  community: {
    label: 'Community-Team',
    canDo: 'Du prüfst Abgabeanfragen, klärst die Gründe mit den VPAs, vermittelst und schlägst Nachfolger vor.',
    inTeam: 'Das Community-Team prüft Abgabeanfragen, klärt Gründe, vermittelt und schlägt Nachfolger vor.',
  },
  vpa_manager: {
    label: 'VPA-Manager',
    canDo: 'Du gibst VPA-Wechsel frei oder lehnst sie ab und erhältst Meldungen zu respektlosen Kunden.',
    inTeam: 'VPA-Manager und Kundenmanager geben VPA-Wechsel frei oder lehnen sie ab.',
  },
  client_manager: {
    label: 'Kundenmanager',
    canDo: 'Du gibst VPA-Wechsel frei oder lehnst sie ab und erhältst Meldungen zu respektlosen Kunden.',
    inTeam: null,
  },
  shift: {
    label: 'Schicht',
    canDo: 'Du prüfst das Konto Conny: Ich erinnere dich zu den Prüfzeiten und wenn eine Antwortfrist näher rückt.',
    inTeam: 'Die Schicht prüft das Konto Conny; ich erinnere zu den Prüfzeiten und vor Ablauf von Antwortfristen.',
  },
  admin: {
    label: 'Admin-Team',
    canDo: 'Du prüfst neue Aufgaben reaktivierter Kunden, schreibst sie per Umfrage aus und legst fest, welcher Kanal wofür da ist.',
    inTeam: 'Das Admin-Team prüft Aufgaben reaktivierter Kunden und schreibt sie per Umfrage aus.',
  },
  conny: {
    label: 'Account Conny',
    canDo: 'Dies ist das Konto des Inactive Managements: Inaktive Kunden werden an dich übergeben, und Conny schreibt ihnen.',
    inTeam: null,
  },
};

/** Display order on cards. */
const ORDER: Record<CardRole, number> = { vpa: 0, community: 1, vpa_manager: 2, client_manager: 3, shift: 4, admin: 5, conny: 6 };

/** The roles once each, in display order. */
export function sortedRoles(roles: readonly CardRole[]): CardRole[] {
  return [...new Set(roles)].sort((a, b) => ORDER[a] - ORDER[b]);
}

function isCardRole(value: string): value is CardRole {
  return Object.hasOwn(ORDER, value);
}

/** Every role, in display order. */
export const ALL_ROLES: readonly CardRole[] = sortedRoles(Object.keys(ORDER).filter(isCardRole));
