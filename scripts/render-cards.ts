// Renders every card (with example models) to a PNG in docs/cards/ for the README, the way Teams
// shows it: the official adaptivecards renderer, the Teams light host config, headless Chromium.
//   npx tsx scripts/render-cards.ts            (needs /usr/bin/chromium: apt-get install chromium)
// The browser test imports the page helpers from here.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import type { AdaptiveCard } from '../cards/common/types.ts';
import { errorCard } from '../cards/error.ts';
import { helpCard } from '../cards/help.ts';
import { COMMAND_TABLE } from '../bot/commands/table.ts';
import { helpModel } from '../bot/help.ts';
import { welcomeCard } from '../cards/welcome.ts';
import { ERRORS } from '../src/errors/catalogue.ts';
import { CONDUCT_RENDERERS as C } from '../bot/render/conduct-renderers.ts';
import { HANDOVER_RENDERERS as H } from '../bot/render/handover-renderers.ts';
import { handoverApprovalCard } from '../cards/handover/approval.ts';
import * as hm from '../test/cards/handover/models.ts';
import { INACTIVITY_RENDERERS as I } from '../bot/render/inactivity-renderers.ts';
import { PLATFORM_RENDERERS as P } from '../bot/render/platform-renderers.ts';
import { TENDER_RENDERERS as T } from '../bot/render/tender-renderers.ts';
import * as im from '../test/cards/inactivity/models.ts';
import * as tm from '../test/cards/tender/models.ts';
import { SHIFT_RENDERERS as S } from '../bot/render/shift-renderers.ts';
import * as sm from '../test/cards/shift/models.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

export const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface CardExample {
  /** File name without extension, in docs/cards/. */
  name: string;
  card: AdaptiveCard;
}

export const CARD_EXAMPLES: readonly CardExample[] = [
  { name: 'welcome-vpa', card: welcomeCard({ scope: 'personal', name: 'Anna', roles: ['vpa'] }) },
  { name: 'welcome-channel', card: welcomeCard({ scope: 'channel', name: undefined, roles: [] }) },
  { name: 'welcome-no-role', card: welcomeCard({ scope: 'personal', name: 'Jonas', roles: [] }) },
  { name: 'help-vpa', card: helpCard(helpModel(COMMAND_TABLE, { name: 'Anna', roles: ['vpa'] }, 'personal', false)) },
  { name: 'help-manager', card: helpCard(helpModel(COMMAND_TABLE, { name: 'Petra', roles: ['vpa_manager'] }, 'personal', false)) },
  { name: 'help-unknown-text', card: helpCard(helpModel(COMMAND_TABLE, { name: 'Mehmet', roles: ['shift'] }, 'personal', true)) },
  { name: 'help-no-role', card: helpCard(helpModel(COMMAND_TABLE, { name: '', roles: [] }, 'personal', false)) },
  { name: 'error', card: errorCard({ code: 'FORBIDDEN_ROLE', message: ERRORS.FORBIDDEN_ROLE.de }) },
  // Kundenabgabe and conduct reports (example models: test/cards/handover/models.ts).
  { name: 'handover-form', card: H.handoverForm(hm.formModel()) },
  {
    name: 'handover-form-errors',
    card: H.handoverForm(
      hm.formModel({
        values: { clientId: 'cl_mueller', reasonCategory: 'collaboration', reason: 'zu kurz', measures: '', clientWantsTraining: null, successorNotes: '' },
        fieldErrors: { reason: 'Bitte beschreibe den Grund (mindestens 10 Zeichen).', clientWantsTraining: 'Bitte gib an, ob der Kunde eine Einarbeitung des neuen VPA wünscht.' },
      }),
    ),
  },
  { name: 'handover-challenge', card: H.handoverChallenge(hm.challengeModel()) },
  { name: 'handover-submitted', card: H.handoverSubmitted(hm.submittedModel()) },
  { name: 'handover-submitted-withdrawn', card: H.handoverSubmitted(hm.submittedModel({ ref: hm.withdrawnRef })) },
  { name: 'handover-review', card: H.handoverReview(hm.reviewModel()) },
  { name: 'handover-approval-manager', card: handoverApprovalCard(hm.approvalModel(), 'manager') },
  { name: 'handover-approval-readonly', card: handoverApprovalCard(hm.approvalModel(), 'readonly') },
  { name: 'handover-approval-approved', card: handoverApprovalCard(hm.approvalModel({ decision: hm.approvedDecision, decidable: false }), 'readonly') },
  { name: 'handover-approval-rejected', card: handoverApprovalCard(hm.approvalModel({ decision: hm.rejectedDecision, decidable: false }), 'readonly') },
  { name: 'handover-returned', card: H.handoverReturned(hm.returnedModel()) },
  { name: 'handover-clarify', card: H.handoverClarify(hm.clarifyModel()) },
  { name: 'handover-rejected', card: H.handoverRejected(hm.rejectedModel()) },
  {
    name: 'handover-inform-client',
    card: H.handoverInformClient(hm.informClientModel({ informed: { done: false, atText: null, trainingWantedDefault: true }, actions: { confirmClientInformed: true, confirmTrainingGiven: false } })),
  },
  { name: 'handover-inform-client-training', card: H.handoverInformClient(hm.informClientModel()) },
  { name: 'handover-successor', card: H.handoverSuccessor(hm.successorModel()) },
  { name: 'handover-training-reminder', card: H.handoverTrainingReminder(hm.trainingReminderModel()) },
  { name: 'handover-reminder', card: H.handoverReminder(hm.reminderModel()) },
  {
    name: 'handover-completion-failed',
    card: H.handoverReminder(
      hm.reminderModel({
        reason: 'completionFailed',
        title: 'Übergabe konnte nicht abgeschlossen werden',
        text: 'Die Zuordnung von Müller GmbH (B) konnte nicht zu Sven Nachfolger wechseln. Der Kunde ist inzwischen Otto Berg zugeordnet, nicht mehr dem abgebenden VPA. Bitte schließt die Übergabe ab oder brecht sie ab.',
        ref: { ...hm.approvalModel().ref, status: 'approved', statusLabel: 'Freigegeben – Übergabe läuft' },
        closeActions: true,
      }),
    ),
  },
  { name: 'handover-completed', card: H.handoverCompleted(hm.completedModel()) },
  { name: 'handover-status', card: H.handoverStatus(hm.statusModel()) },
  { name: 'conduct-form', card: C.conductForm(hm.conductFormModel()) },
  { name: 'conduct-received', card: C.conductReceived(hm.conductReceivedModel()) },
  { name: 'conduct-report', card: C.conductReport(hm.conductReportModel()) },
  {
    name: 'conduct-report-acknowledged',
    card: C.conductReport(
      hm.conductReportModel({ acknowledgements: [{ person: hm.maria, atText: '23.11.2026, 17:20 Uhr' }], acknowledgedByRecipient: true, actions: { acknowledge: false } }),
    ),
  },
  { name: 'conduct-acknowledged', card: C.conductAcknowledged(hm.conductAcknowledgedModel()) },
  { name: 'conduct-reminder', card: C.conductReminder(hm.conductReminderModel()) },
  // Inactive clients, Conny, tenders (example models: test/cards/inactivity/models.ts, test/cards/tender/models.ts).
  { name: 'inactivity-vpa', card: I.inactivityVpa(im.vpaModel()) },
  { name: 'inactivity-reply', card: I.inactivityReply(im.replyModel()) },
  { name: 'inactivity-list', card: I.inactivityList(im.listModel()) },
  { name: 'inactivity-clients', card: I.inactivityClients(im.clientsModel()) },
  { name: 'inactivity-report', card: I.inactivityReport(im.reportModelFixture()) },
  {
    name: 'platform-todo',
    card: P.platformTodo({
      todoId: 'todo_1',
      kind: 'chat',
      client: im.clientNo(1),
      sender: { id: 'p_conny', name: 'Conny Meindl', isConny: true },
      subject: '',
      text: 'Guten Tag,\n\nich bin Conny Meindl und ab sofort Ihre Ansprechpartnerin. Stellen Sie Ihre nächste Aufgabe gern direkt bei mir ein.\n\nViele Grüße\nConny',
      done: null,
      actions: { done: true },
    }),
  },
  { name: 'tender-review', card: T.tenderReview(tm.reviewModel()) },
  { name: 'tender-invite', card: T.tenderInvite(tm.inviteModel()) },
  { name: 'tender-result', card: T.tenderResult(tm.resultModel()) },
  { name: 'conduct-escalation', card: C.conductEscalation(hm.conductEscalationModel()) },
  // Shift duty for the Conny account (example models: test/cards/shift/models.ts).
  { name: 'shift-check', card: S.shiftCheck(sm.checkModel()) },
  { name: 'shift-check-all-done', card: S.shiftCheck(sm.allDoneCheck()) },
  { name: 'shift-check-acknowledged', card: S.shiftCheck(sm.acknowledgedCheck()) },
  { name: 'shift-escalation', card: S.shiftEscalation(sm.escalationModel()) },
  { name: 'shift-alert', card: S.shiftAlert(sm.alertModel()) },
  { name: 'shift-alert-answered', card: S.shiftAlert(sm.answeredAlert()) },
  { name: 'shift-plan', card: S.shiftPlan(sm.planModel()) },
  { name: 'shift-report', card: S.shiftReport(sm.reportModel()) },
];

export function chromiumAvailable(): boolean {
  return fs.existsSync(CHROMIUM_PATH);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

// Teams draws a card inside a white message bubble about 450 px wide, with its own button style.
const PAGE_HTML = `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><style>
  body { margin: 0; padding: 16px; background: #f5f5f5; font-family: 'Segoe UI', 'Open Sans', sans-serif; }
  #frame { width: 450px; background: #fff; border-radius: 6px; box-shadow: 0 1px 2px rgba(0,0,0,.14), 0 0 2px rgba(0,0,0,.12); overflow: hidden; }
  .ac-adaptiveCard:focus { outline: none; }
  .ac-pushButton { font-family: inherit; font-size: 14px; font-weight: 600; min-height: 32px; padding: 4px 12px; border-radius: 4px;
    border: 1px solid #d1d1d1; background: #fff; color: #242424; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .ac-pushButton.style-positive { background: #5b5fc7; border-color: #5b5fc7; color: #fff; }
  .ac-pushButton.style-destructive { color: #c4314b; }
  .ac-textBlock p { margin: 0; }
</style></head><body><div id="frame"></div></body></html>`;

// Runs inside the page, after the adaptivecards bundle. Plain JavaScript in a string: functions handed
// to page.evaluate would be serialized from tsx's transformed source, which may reference helpers
// that do not exist in the page.
const PAGE_SCRIPT = `
  // Teams' markdown subset for text blocks: **bold**, _italic_, [links](url), line breaks (HTML escaped first), and
  // <at>mentions</at> shown the way Teams highlights them.
  function escapeHtml(s) { return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'); }
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = function (text, result) {
    result.outputHtml = escapeHtml(text)
      .replace(/&lt;at&gt;(.+?)&lt;\\/at&gt;/g, '<span style="color:#5b5fc7;font-weight:600">$1</span>')
      .replace(/\\[([^\\]]+)\\]\\((https?:[^)\\s]+)\\)/g, '<a href="$2" style="color:#5b5fc7">$1</a>')
      .replace(/\\*\\*(.+?)\\*\\*/g, '<strong>$1</strong>')
      .replace(/(^|\\s)_(.+?)_(?=\\s|$|[.,;:!?])/g, '$1<em>$2</em>')
      .replace(/\\r?\\n/g, '<br>');
    result.didProcess = true;
  };
  window.renderCard = function (json, hostConfig) {
    var card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
    card.parse(json);
    var element = card.render();
    if (!element) throw new Error('the card did not render');
    document.getElementById('frame').replaceChildren(element);
  };
`;

function teamsHostConfig(): unknown {
  const json = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/teams-light.hostconfig.json'), 'utf8')) as {
    fontStyles?: { default: { fontFamily: string } };
    fontTypes?: unknown;
  };
  // The Teams host config names its fonts `fontStyles` (the older key); adaptivecards 3 reads
  // `fontTypes`. Teams' font is Segoe UI; where it is missing (Linux) use Open Sans, the closest free one.
  if (json.fontStyles) {
    json.fontStyles.default.fontFamily = "'Segoe UI', 'Open Sans', sans-serif";
    json.fontTypes = json.fontStyles;
  }
  return json;
}

/** A page with the adaptivecards renderer loaded, ready for showCard. */
export async function openCardPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 482, height: 400 }, deviceScaleFactor: 2, locale: 'de-DE' });
  await page.setContent(PAGE_HTML);
  await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
  await page.addScriptTag({ content: PAGE_SCRIPT });
  return page;
}

/** Shows the card as Teams would; returns the message bubble holding it. */
export async function showCard(page: Page, card: AdaptiveCard): Promise<Locator> {
  await page.evaluate(`renderCard(${JSON.stringify(card)}, ${JSON.stringify(teamsHostConfig())}); document.fonts.ready.then(() => true)`);
  return page.locator('#frame');
}

export async function renderCardPng(page: Page, card: AdaptiveCard, file: string): Promise<void> {
  const frame = await showCard(page, card);
  await frame.screenshot({ path: file, animations: 'disabled' });
}

async function main(): Promise<void> {
  if (!chromiumAvailable()) throw new Error(`${CHROMIUM_PATH} not found: install it with "apt-get install chromium"`);
  const outDir = path.join(ROOT, 'docs/cards');
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await launchChromium();
  try {
    const page = await openCardPage(browser);
    for (const example of CARD_EXAMPLES) {
      const file = path.join(outDir, `${example.name}.png`);
      await renderCardPng(page, example.card, file);
      process.stdout.write(`${path.relative(ROOT, file)}\n`);
    }
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
