// The demo company: who works there, its clients, who served whom when, and the clients' tasks. Dates are
// days before the demo's anchor day (the day `demo` first ran), so every flow has a case to try: clients
// active, ~9 weeks quiet (first inactivity step), past 16 and 20 weeks (Conny's reminders), past a year
// (Conny's e-mail); VPA changes within the last 12 months and VPAs serving a client for years; an absent
// VPA, one who takes no new clients, competences for tenders. Every client with continuous work has tasks back to
// before the bot's demo "go-live" (DEMO_LIVE_DAYS_AGO), so only the clients meant to be inactive become inactive
// when demo-story.ts replays the days since.
import type { Role } from '../people/roles.ts';
import type { WorkType } from '../import/clients.ts';

export interface DemoPerson {
  aadObjectId: string;
  name: string;
  email: string;
  roles: Role[];
  competences: string[];
  takesNewClients: boolean;
  /** Days relative to the anchor day (negative = in the future). */
  absent?: { fromDaysAgo: number; untilDaysAgo: number };
  /** What to try with this person in the Emulator. */
  hint: string;
}

export interface DemoClient {
  number: string;
  name: string;
  class: string;
  workType: WorkType;
  notes: string;
  /** Assignment history: VPA e-mail, start and end (null = current) in days before the anchor day. */
  history: { vpa: string; fromDaysAgo: number; toDaysAgo: number | null }[];
  /** Days before the anchor day of the client's tasks, newest first. */
  taskDaysAgo: number[];
  /** A new task after a long quiet time: the client comes back (reactivation, review, tender). */
  comesBack?: { daysAgo: number; title: string; competence: string };
}

const mail = (local: string) => `${local}@demo.staffelstab.de`;
const id = (n: number) => `5d3e0a1c-7b2f-4c6e-9a8d-${String(n).padStart(12, '0')}`;

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { aadObjectId: id(1), name: 'Anna Schneider', email: mail('anna.schneider'), roles: ['vpa'], competences: ['Buchhaltung', 'Recherche'], takesNewClients: true, hint: 'VPA mit langjährigen Kunden: „abgeben“ ausprobieren' },
  { aadObjectId: id(2), name: 'Jonas Becker', email: mail('jonas.becker'), roles: ['vpa'], competences: ['Reisebuchung', 'Englisch'], takesNewClients: false, hint: 'VPA, nimmt keine neuen Kunden; hat einen seit über einem Jahr inaktiven Kunden' },
  { aadObjectId: id(3), name: 'Lena Hoffmann', email: mail('lena.hoffmann'), roles: ['vpa'], competences: ['Social Media', 'Texte'], takesNewClients: true, absent: { fromDaysAgo: 21, untilDaysAgo: -90 }, hint: 'VPA, länger abwesend (Elternzeit)' },
  { aadObjectId: id(4), name: 'Murat Yılmaz', email: mail('murat.yilmaz'), roles: ['vpa'], competences: ['Webdesign', 'Social Media', 'Englisch'], takesNewClients: true, hint: 'VPA, hat vor drei Monaten einen A-Kunden übernommen' },
  { aadObjectId: id(5), name: 'Sophie Wagner', email: mail('sophie.wagner'), roles: ['vpa'], competences: ['Buchhaltung', 'Personal'], takesNewClients: true, hint: 'VPA' },
  { aadObjectId: id(6), name: 'Felix Braun', email: mail('felix.braun'), roles: ['vpa'], competences: ['Recherche', 'Eventplanung'], takesNewClients: true, absent: { fromDaysAgo: -10, untilDaysAgo: -17 }, hint: 'VPA, Urlaub in zehn Tagen; Kunden seit 9 und 21 Wochen ohne Aufgabe' },
  { aadObjectId: id(7), name: 'Julia Neumann', email: mail('julia.neumann'), roles: ['community'], competences: [], takesNewClients: true, hint: 'Community-Team: prüft Abgabeanfragen' },
  { aadObjectId: id(8), name: 'Katharina Schmidt', email: mail('katharina.schmidt'), roles: ['community', 'shift'], competences: [], takesNewClients: true, hint: 'Community-Team und Schicht für den Account Conny' },
  { aadObjectId: id(9), name: 'Markus Weber', email: mail('markus.weber'), roles: ['vpa_manager'], competences: [], takesNewClients: true, hint: 'VPA-Manager: gibt VPA-Wechsel frei oder lehnt sie ab' },
  { aadObjectId: id(10), name: 'Claudia Fischer', email: mail('claudia.fischer'), roles: ['client_manager'], competences: [], takesNewClients: true, hint: 'Kundenmanagerin: gibt VPA-Wechsel frei, erhält Meldungen' },
  { aadObjectId: id(11), name: 'Tobias Krause', email: mail('tobias.krause'), roles: ['shift'], competences: [], takesNewClients: true, hint: 'Schicht: prüft den Account Conny („geprüft“)' },
  { aadObjectId: id(12), name: 'Sabine Koch', email: mail('sabine.koch'), roles: ['admin'], competences: [], takesNewClients: true, hint: 'Admin-Team: prüft reaktivierte Kunden, schreibt Umfragen aus; „kanal …“-Befehle' },
  { aadObjectId: id(13), name: 'Conny Meindl', email: mail('conny.meindl'), roles: ['conny'], competences: [], takesNewClients: false, hint: 'Konto Conny (Inactive Management): inaktive Kunden werden ihr übergeben; ihre Nachrichten erscheinen als To-dos für die Schicht' },
];

const anna = mail('anna.schneider');
const jonas = mail('jonas.becker');
const lena = mail('lena.hoffmann');
const murat = mail('murat.yilmaz');
const sophie = mail('sophie.wagner');
const felix = mail('felix.braun');

/** Tasks every `every` days, `count` of them, the newest `last` days ago. */
function cadence(last: number, every: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => last + i * every);
}

export const DEMO_CLIENTS: readonly DemoClient[] = [
  // Active clients.
  { number: 'K-1001', name: 'Bäckerei Hoffmann GmbH', class: 'A', workType: 'continuous', notes: 'Rechnungen immer bis zum 5. des Monats an das Steuerbüro.', history: [{ vpa: anna, fromDaysAgo: 1500, toDaysAgo: null }], taskDaysAgo: cadence(3, 9, 15) },
  { number: 'K-1002', name: 'Kanzlei Brandt & Partner', class: 'A', workType: 'continuous', notes: 'Bevorzugt Kontakt per Telefon, nicht per Chat.', history: [{ vpa: jonas, fromDaysAgo: 900, toDaysAgo: 200 }, { vpa: sophie, fromDaysAgo: 200, toDaysAgo: 90 }, { vpa: murat, fromDaysAgo: 90, toDaysAgo: null }], taskDaysAgo: cadence(5, 11, 8) },
  { number: 'K-1003', name: 'Praxis Dr. med. Katrin Vogel', class: 'B', workType: 'continuous', notes: '', history: [{ vpa: sophie, fromDaysAgo: 700, toDaysAgo: null }], taskDaysAgo: cadence(8, 14, 6) },
  { number: 'K-1004', name: 'Weber Logistik GmbH', class: 'B', workType: 'continuous', notes: '', history: [{ vpa: felix, fromDaysAgo: 1000, toDaysAgo: 150 }, { vpa: anna, fromDaysAgo: 150, toDaysAgo: null }], taskDaysAgo: cadence(12, 10, 10) },
  { number: 'K-1005', name: 'Architekturbüro Krüger', class: 'C', workType: 'one-off', notes: 'Einmalige Recherche zu Fördermitteln.', history: [{ vpa: murat, fromDaysAgo: 60, toDaysAgo: null }], taskDaysAgo: [18, 55] },
  { number: 'K-1006', name: 'Steuerberatung Fischer & Söhne', class: 'A', workType: 'continuous', notes: '', history: [{ vpa: anna, fromDaysAgo: 1200, toDaysAgo: null }], taskDaysAgo: cadence(1, 7, 15) },
  { number: 'K-1007', name: 'Immobilien Richter KG', class: 'B', workType: 'continuous', notes: 'VPA derzeit abwesend.', history: [{ vpa: lena, fromDaysAgo: 500, toDaysAgo: null }], taskDaysAgo: cadence(20, 12, 6) },
  { number: 'K-1015', name: 'Nordlicht Ventures UG', class: 'A', workType: 'continuous', notes: 'Neukunde seit einem Monat.', history: [{ vpa: anna, fromDaysAgo: 30, toDaysAgo: null }], taskDaysAgo: [2, 9, 16, 27] },
  // About 9 weeks without a task: the first inactivity step is due.
  { number: 'K-1008', name: 'Gartenbau Wolf', class: 'C', workType: 'one-off', notes: '', history: [{ vpa: jonas, fromDaysAgo: 400, toDaysAgo: null }], taskDaysAgo: [63, 130, 210] },
  { number: 'K-1009', name: 'Physiotherapie Lange', class: 'B', workType: 'continuous', notes: '', history: [{ vpa: felix, fromDaysAgo: 300, toDaysAgo: null }], taskDaysAgo: cadence(65, 14, 5) },
  // Past 16 weeks.
  { number: 'K-1010', name: 'Hotel Zur Linde', class: 'B', workType: 'continuous', notes: 'Saisonbetrieb, im Winter ruhig.', history: [{ vpa: sophie, fromDaysAgo: 800, toDaysAgo: 250 }, { vpa: jonas, fromDaysAgo: 250, toDaysAgo: null }], taskDaysAgo: cadence(120, 15, 5) },
  { number: 'K-1011', name: 'Thomas Schulz (privat)', class: 'C', workType: 'one-off', notes: '', history: [{ vpa: lena, fromDaysAgo: 600, toDaysAgo: null }], taskDaysAgo: [118, 300] },
  // Past 20 weeks.
  { number: 'K-1012', name: 'Eventagentur Sonnenschein', class: 'C', workType: 'one-off', notes: '', history: [{ vpa: felix, fromDaysAgo: 450, toDaysAgo: null }], taskDaysAgo: [150, 190, 260] },
  { number: 'K-1013', name: 'Malerbetrieb Zimmermann', class: 'C', workType: 'continuous', notes: '', history: [{ vpa: murat, fromDaysAgo: 700, toDaysAgo: 320 }, { vpa: anna, fromDaysAgo: 320, toDaysAgo: null }], taskDaysAgo: cadence(148, 20, 5) },
  // More than a year.
  { number: 'K-1014', name: 'Verlag Bergmann', class: 'B', workType: 'continuous', notes: 'Zuletzt aktiv vor über einem Jahr.', history: [{ vpa: jonas, fromDaysAgo: 1100, toDaysAgo: null }], taskDaysAgo: cadence(400, 21, 6) },
  // Process 2 at the remaining steps (see DEMO_STORY): on the inactive list, just handed to Conny, paused by a reply,
  // and two clients who came back with a new task (a review waiting to start, a running tender).
  { number: 'K-1016', name: 'Zahnarztpraxis Dr. Roth', class: 'B', workType: 'continuous', notes: '', history: [{ vpa: sophie, fromDaysAgo: 500, toDaysAgo: null }], taskDaysAgo: cadence(89, 12, 6) },
  { number: 'K-1017', name: 'Autohaus Keller', class: 'A', workType: 'continuous', notes: 'Ansprechpartner: Herr Keller junior.', history: [{ vpa: anna, fromDaysAgo: 800, toDaysAgo: null }], taskDaysAgo: cadence(100, 14, 6) },
  { number: 'K-1018', name: 'Yoga-Studio Balance', class: 'C', workType: 'continuous', notes: '', history: [{ vpa: murat, fromDaysAgo: 400, toDaysAgo: null }], taskDaysAgo: cadence(75, 10, 6) },
  {
    number: 'K-1019',
    name: 'Fotostudio Licht & Schatten',
    class: 'B',
    workType: 'continuous',
    notes: '',
    history: [{ vpa: lena, fromDaysAgo: 900, toDaysAgo: null }],
    taskDaysAgo: cadence(130, 16, 5),
    comesBack: { daysAgo: 2, title: 'Social-Media-Beiträge für die Herbstaktion planen', competence: 'Social Media' },
  },
  {
    number: 'K-1020',
    name: 'Übersetzungsbüro Lingua',
    class: 'A',
    workType: 'continuous',
    notes: 'Korrespondenz überwiegend auf Englisch.',
    history: [{ vpa: jonas, fromDaysAgo: 600, toDaysAgo: null }],
    taskDaysAgo: cadence(110, 14, 5),
    comesBack: { daysAgo: 7, title: 'Englische Korrespondenz mit einem neuen Lieferanten führen', competence: 'Englisch' },
  },
];

/**
 * Process 2 at every step, played by `demo` through the real tick jobs and use cases (seed-demo.ts, demo-story.ts):
 * the bot "went live" `DEMO_LIVE_DAYS_AGO` days before the anchor and ran every day since; these people acted on
 * these days (days before the anchor, moved to the next working day). The table is also the README's walk-through.
 */
export const DEMO_LIVE_DAYS_AGO = 70;

export interface DemoStoryStep {
  client: string;
  /** Where the client stands after `demo`. */
  step: string;
  /** Whom to be in the Emulator, and what to try. */
  tryAs: string;
}

export const DEMO_STORY: readonly DemoStoryStep[] = [
  { client: 'K-1009', step: '8-Wochen-Nachricht gesendet, rotes Fragezeichen', tryAs: 'Felix Braun: „kunden“, To-do „erledigt“, „Kunde hat geantwortet“' },
  { client: 'K-1016', step: 'auf der Liste „inaktiv“, fällig für Conny', tryAs: 'Julia Neumann: „inaktiv“ → an Conny übergeben / verschieben / ausnehmen' },
  { client: 'K-1017', step: 'an Conny übergeben, Vorstellung gesendet', tryAs: 'Tobias Krause (Schicht): To-do mit Connys Vorstellung „erledigt“' },
  { client: 'K-1010', step: '16-Wochen-Erinnerung gesendet', tryAs: 'Katharina Schmidt (Schicht): To-dos; `tick --now` drei Wochen später: 20-Wochen-Erinnerung' },
  { client: 'K-1013', step: '20-Wochen-Erinnerung gesendet', tryAs: 'Katharina Schmidt: To-do; danach keine Chatnachrichten mehr' },
  { client: 'K-1014', step: 'nach über einem Jahr: Connys E-Mail gesendet', tryAs: 'Tobias Krause: E-Mail-To-do' },
  { client: 'K-1018', step: 'pausiert: der Kunde hat geantwortet', tryAs: 'Murat Yılmaz: „fortsetzen“' },
  { client: 'K-1019', step: 'reaktiviert: Prüfung durch das Admin-Team offen (letzte VPA länger abwesend)', tryAs: 'Sabine Koch: „Umfrage starten“ (mit Grund für Lena), „Umfrage abbrechen“' },
  { client: 'K-1020', step: 'Umfrage läuft: Murat hat sich beworben, Jonas (letzter VPA) noch nicht', tryAs: 'Jonas Becker: „bewerben“ (bekommt die Aufgabe sofort); Sabine Koch: „umfragen“, „vergeben“' },
];

/** Task titles and the competence they need, used in turn. */
export const DEMO_TASKS: readonly { title: string; competence: string }[] = [
  { title: 'Monatliche Belege für die Buchhaltung sortieren', competence: 'Buchhaltung' },
  { title: 'Dienstreise nach Hamburg buchen', competence: 'Reisebuchung' },
  { title: 'Termine für das dritte Quartal koordinieren', competence: '' },
  { title: 'Angebote für einen neuen Drucker einholen', competence: 'Recherche' },
  { title: 'Newsletter-Entwurf erstellen', competence: 'Texte' },
  { title: 'Recherche: Fördermittel für die Digitalisierung', competence: 'Recherche' },
  { title: 'Social-Media-Beiträge für den Monat planen', competence: 'Social Media' },
  { title: 'Präsentation für das Jahresgespräch überarbeiten', competence: '' },
  { title: 'Stellenanzeige für eine Bürokraft formulieren', competence: 'Personal' },
  { title: 'Hotel und Stand für die Messe buchen', competence: 'Eventplanung' },
  { title: 'Kundenliste bereinigen und Dubletten entfernen', competence: '' },
  { title: 'Englische Korrespondenz mit Lieferanten führen', competence: 'Englisch' },
  { title: 'Website-Texte aktualisieren', competence: 'Webdesign' },
];
