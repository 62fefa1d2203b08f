// Pieces the Kundenabgabe and conduct-report cards share: the withdrawn banner, free text typed by
// people, the decision facts, the training line, and fitting long lists under the size budget.
import type { ChoiceOption, HandoverFacts, HandoverRef, TimelineEntry, TrainingView } from '../../src/notices/handover.ts';
import { container, executeAction, facts, note, text } from '../common/build.ts';
import { cardSizeBytes } from '../common/size.ts';
import type { ActionData, AdaptiveCard, CardElement, Choice, ContainerStyle, ExecuteAction, RichTextBlock, ShowCardAction, Spacing } from '../common/types.ts';

/**
 * What a card may weigh. Teams refuses a message above about 28 KB, and the activity around the card
 * (conversation, from, service URL) adds 1–2 KB, so cards with data-dependent lists stop well before.
 */
export const CARD_BUDGET_BYTES = 24 * 1024;

/** From this many entries on, a choice list gets a search box (style `filtered`). */
export const FILTERED_CHOICE_THRESHOLD = 8;

/** Shown on every card of a request the VPA withdrew; such cards carry no actions. */
export function withdrawnBanner(ref: HandoverRef): CardElement {
  return container(
    [
      text('Anfrage zurückgezogen', { weight: 'bolder' }),
      text(ref.withdrawnText ?? 'Der VPA hat diese Anfrage zurückgezogen.', { spacing: 'small' }),
      note('Hier ist nichts mehr zu tun.', { spacing: 'small' }),
    ],
    { style: 'warning', bleed: true },
  );
}

/** The banner first when the request was withdrawn, then the card's own body. */
export function withBanner(ref: HandoverRef, body: CardElement[]): CardElement[] {
  return ref.withdrawn ? [withdrawnBanner(ref), ...body] : body;
}

/** Normalised line breaks, at most one empty line in a row, no surrounding white space. */
function tidy(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

/**
 * Text a person typed (reason, measures, messages). A TextRun, not a TextBlock: Teams reads TextBlock
 * text as markdown, so "Kund*innen und VPA*s" would turn italic and "[x](url)" into a link.
 */
export function userText(value: string, options: { spacing?: Spacing; empty?: string } = {}): RichTextBlock {
  const shown = tidy(value);
  return {
    type: 'RichTextBlock',
    inlines: [shown === '' ? { type: 'TextRun', text: options.empty ?? '–', isSubtle: true } : { type: 'TextRun', text: shown }],
    ...(options.spacing ? { spacing: options.spacing } : {}),
  };
}

/** "Label: value" on one line, the label bold; the value is shown as typed (no markdown). */
export function labeledLine(label: string, value: string, spacing: Spacing = 'small'): RichTextBlock {
  return {
    type: 'RichTextBlock',
    inlines: [
      { type: 'TextRun', text: `${label}: `, weight: 'bolder' },
      { type: 'TextRun', text: tidy(value) === '' ? '–' : tidy(value) },
    ],
    spacing,
  };
}

/** A bold label above a longer text a person typed. */
export function labeledText(label: string, value: string, options: { empty?: string } = {}): CardElement[] {
  return [text(label, { weight: 'bolder', spacing: 'medium' }), userText(value, { spacing: 'none', ...options })];
}

/** A message from a colleague (reviewer, manager), set off from the rest of the card. */
export function quoted(from: string, message: string): CardElement {
  return container([note(from), userText(message, { spacing: 'small' })], { style: 'emphasis', spacing: 'medium' });
}

/** A coloured box with a bold first line: decisions, warnings, urgency. */
export function callout(style: ContainerStyle, title: string, lines: CardElement[] = []): CardElement {
  return container([text(title, { weight: 'bolder' }), ...lines], { style, spacing: 'medium' });
}

function serviceText(f: HandoverFacts): string {
  if (f.serviceSinceText && f.serviceLengthText) return `seit ${f.serviceSinceText} (${f.serviceLengthText})`;
  if (f.serviceSinceText) return `seit ${f.serviceSinceText}`;
  return f.serviceLengthText ?? 'nicht mehr zugeordnet';
}

/** The wiki's decision facts: client class, kind of tasks, how long the VPA served, changes in 12 months. */
export function decisionFacts(f: HandoverFacts): CardElement {
  return facts(
    ['Kunde', f.client.label],
    ['Kundenklasse', f.client.class],
    ['Aufgabenart', f.client.workTypeLabel],
    ['VPA', f.vpa.name],
    ['Betreut', serviceText(f)],
    ['VPA-Wechsel 12 Mon.', String(f.vpaChanges12Months)],
    ['Letzte Aufgabe', f.lastTaskText ?? 'keine erfasst'],
    ['Einarbeitung gewünscht', f.clientWantsTrainingLabel],
    ['Eingereicht', f.submittedAtText],
  );
}

/** The reason, the measures and the notes for a successor, as the VPA typed them. */
export function requestTexts(f: HandoverFacts, options: { successorNotes: boolean }): CardElement[] {
  const out: CardElement[] = [
    ...labeledText(`Grund: ${f.reasonCategoryLabel}`, f.reason),
    ...labeledText('Maßnahmen, um die Zusammenarbeit zu verbessern', f.measures, { empty: 'keine angegeben' }),
  ];
  if (options.successorNotes) out.push(...labeledText('Hinweise für den Nachfolger', f.successorNotes, { empty: 'keine' }));
  return out;
}

/** The steps so far, oldest first, small. */
export function timeline(entries: readonly TimelineEntry[]): CardElement[] {
  if (entries.length === 0) return [];
  return [
    text('Verlauf', { weight: 'bolder', spacing: 'medium', size: 'small' }),
    ...entries.map((e) => note(`${e.atText} – ${e.text}`, { spacing: 'none' })),
  ];
}

export function trainingLine(training: TrainingView): CardElement {
  return text(training.text, { spacing: 'medium', ...(training.completed ? { color: 'good' as const } : {}) });
}

export function choices(options: readonly ChoiceOption[]): Choice[] {
  return options.map((o) => ({ title: o.label, value: o.value }));
}

/** The value to preselect: only one the list offers (a stale id would show an empty, invalid choice). */
export function preselect(options: readonly ChoiceOption[], value: string): string | undefined {
  return value !== '' && options.some((o) => o.value === value) ? value : undefined;
}

export function choiceStyle(count: number): 'compact' | 'filtered' {
  return count >= FILTERED_CHOICE_THRESHOLD ? 'filtered' : 'compact';
}

/** A regular expression for Input.Text: at least `min` characters, any of them line breaks. */
export function minLengthRegex(min: number): string {
  return `^[\\s\\S]{${min},}$`;
}

/** A request's own action: the ids travel in `data`, and the card's inputs (if any) are merged in. */
export function requestAction(title: string, verb: string, ref: HandoverRef, options: Omit<ExecuteAction, 'type' | 'title' | 'verb' | 'data'> = {}): ExecuteAction {
  const data: ActionData = { requestId: ref.requestId, version: ref.version };
  return executeAction(title, verb, data, options);
}

/** "Zurückziehen" with a confirmation step, so a slip of the finger does not end the request. */
export function withdrawAction(ref: HandoverRef, verb: string): ShowCardAction {
  return {
    type: 'Action.ShowCard',
    title: 'Anfrage zurückziehen',
    card: {
      type: 'AdaptiveCard',
      body: [text('Möchtest du die Anfrage wirklich zurückziehen? Du betreust den Kunden dann weiter.')],
      actions: [requestAction('Ja, zurückziehen', verb, ref, { style: 'destructive', associatedInputs: 'none' })],
    },
  };
}

/**
 * The card with as many entries of a long list as fit into the budget (the first ones: lists come
 * sorted by relevance). `build` gets the shown entries and how many were left out, to say so.
 */
export function fitList<T>(items: readonly T[], build: (shown: readonly T[], hidden: number) => AdaptiveCard, budget: number = CARD_BUDGET_BYTES): AdaptiveCard {
  const full = build(items, 0);
  if (cardSizeBytes(full) <= budget) return full;
  let low = 0;
  let high = items.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (cardSizeBytes(build(items.slice(0, mid), items.length - mid)) <= budget) low = mid;
    else high = mid - 1;
  }
  return build(items.slice(0, low), items.length - low);
}

/** A ShowCard with one required text input and the action that sends it. */
function reasonShowCard(title: string, inputId: string, label: string, placeholder: string, submit: ExecuteAction): ShowCardAction {
  return {
    type: 'Action.ShowCard',
    title,
    card: {
      type: 'AdaptiveCard',
      body: [{ type: 'Input.Text', id: inputId, label, isRequired: true, errorMessage: 'Bitte gib einen Grund an.', isMultiline: true, placeholder }],
      actions: [submit],
    },
  };
}

/** For managers on an approved handover: "abschließen" and "abbrechen", each with a required reason (input ids differ: one card). */
export function closeActions(ref: HandoverRef, verbs: { complete: string; cancel: string }): ShowCardAction[] {
  return [
    reasonShowCard('abschließen', 'completeReason', 'Warum schließt du die Übergabe ab?', 'Die Zuordnung wechselt jetzt zum Nachfolger.', requestAction('Übergabe abschließen', verbs.complete, ref, { style: 'positive', associatedInputs: 'auto' })),
    reasonShowCard('abbrechen', 'cancelReason', 'Warum brichst du die Übergabe ab?', 'Der VPA behält den Kunden; VPA und Nachfolger erhalten den Grund.', requestAction('Übergabe abbrechen', verbs.cancel, ref, { style: 'destructive', associatedInputs: 'auto' })),
  ];
}
