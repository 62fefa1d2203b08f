// Card checks for tests: parse a card with the official `adaptivecards` SDK and the Teams host
// config, and read the parts of a card tests assert on (texts, actions, inputs).
// The package's lib/ build is ESM with extension-less imports and fails under Node's loader; the
// UMD bundle in dist/ loads fine and parses without a DOM (STACK.md).
import { expect } from 'vitest';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import type * as AC from 'adaptivecards';

const require = createRequire(import.meta.url);
const sdk: typeof AC = require('adaptivecards/dist/adaptivecards.js');

export const TEAMS_HOST_CONFIG_PATH = new URL('../fixtures/teams-light.hostconfig.json', import.meta.url);
const teamsHostConfig: unknown = JSON.parse(fs.readFileSync(TEAMS_HOST_CONFIG_PATH, 'utf8'));

export interface CardProblem {
  /** `parse` (unknown element, invalid value, property newer than 1.5) or `validation` (validateProperties). */
  phase: 'parse' | 'validation';
  /** The SDK's ValidationEvent name, e.g. `InvalidPropertyValue`. */
  event: string;
  message: string;
}

export interface ParsedCard {
  card: AC.AdaptiveCard;
  /** Everything the SDK complained about; a good card has none. */
  problems: CardProblem[];
}

/**
 * Parses card JSON as Teams would (host config of the Teams light theme, schema 1.5) and returns the
 * SDK's parse and validation events.
 */
export function parseCard(json: unknown): ParsedCard {
  const card = new sdk.AdaptiveCard();
  card.hostConfig = new sdk.HostConfig(teamsHostConfig);
  const context = new sdk.SerializationContext(sdk.Versions.v1_5);
  card.parse(json, context);

  const problems: CardProblem[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push({ phase: 'parse', event: sdk.ValidationEvent[e.event], message: e.message });
  }
  for (const e of card.validateProperties().validationEvents) {
    problems.push({ phase: 'validation', event: sdk.ValidationEvent[e.event], message: e.message });
  }
  return { card, problems };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function walk(node: unknown, visit: (obj: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
  } else if (node !== null && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    visit(obj);
    for (const value of Object.values(obj)) walk(value, visit);
  }
}

/** Every visible string of the card (TextBlocks, rich text, fact titles and values, toggle titles), in order. */
export function cardTexts(card: unknown): string[] {
  const out: string[] = [];
  walk(card, (obj) => {
    if ((obj.type === 'TextBlock' || obj.type === 'TextRun') && typeof obj.text === 'string') out.push(obj.text);
    if (obj.type === 'RichTextBlock' && Array.isArray(obj.inlines)) {
      for (const inline of obj.inlines) if (typeof inline === 'string') out.push(inline);
    }
    if (obj.type === 'Input.Toggle' && typeof obj.title === 'string') out.push(obj.title);
    if (obj.type === 'FactSet' && Array.isArray(obj.facts)) {
      for (const f of obj.facts as { title: string; value: string }[]) out.push(f.title, f.value);
    }
  });
  return out;
}

/** All of the card's texts joined by newlines, for `toContain` assertions. */
export function cardText(card: unknown): string {
  return cardTexts(card).join('\n');
}

export interface FoundAction {
  type: string;
  title: string | undefined;
  verb: string | undefined;
  data: Json | undefined;
  url: string | undefined;
}

/** Every action of the card, nested ones (ActionSet, ShowCard, selectAction) included. */
export function cardActions(card: unknown): FoundAction[] {
  const out: FoundAction[] = [];
  walk(card, (obj) => {
    if (typeof obj.type === 'string' && obj.type.startsWith('Action.')) {
      out.push({
        type: obj.type,
        title: typeof obj.title === 'string' ? obj.title : undefined,
        verb: typeof obj.verb === 'string' ? obj.verb : undefined,
        data: obj.data as Json | undefined,
        url: typeof obj.url === 'string' ? obj.url : undefined,
      });
    }
  });
  return out;
}

/** The action with this title; throws when there is none, so tests fail with a clear message. */
export function actionByTitle(card: unknown, title: string): FoundAction {
  const all = cardActions(card);
  const found = all.find((a) => a.title === title);
  if (!found) throw new Error(`no action titled "${title}"; the card has: ${all.map((a) => a.title).join(', ')}`);
  return found;
}

/** The ids of the card's inputs (`Input.*`). */
export function cardInputIds(card: unknown): string[] {
  const out: string[] = [];
  walk(card, (obj) => {
    if (typeof obj.type === 'string' && obj.type.startsWith('Input.') && typeof obj.id === 'string') out.push(obj.id);
  });
  return out;
}

/** The first TextBlock whose text contains `fragment` (with all its properties); throws when there is none. */
export function textBlockContaining(card: unknown, fragment: string): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  walk(card, (obj) => {
    if (!found && obj.type === 'TextBlock' && typeof obj.text === 'string' && obj.text.includes(fragment)) found = obj;
  });
  if (!found) throw new Error(`no TextBlock contains "${fragment}"`);
  return found;
}

/**
 * The card an invoke answered with, checked: HTTP 200, an Adaptive Card (not a message), and one the adaptivecards
 * parser reads without problems under the Teams host config.
 */
export function answeredCard(r: { httpStatus: number; body: { type?: string; value?: unknown } | undefined }): unknown {
  expect(r.httpStatus).toBe(200);
  expect(r.body?.type).toBe('application/vnd.microsoft.card.adaptive');
  expect(parseCard(r.body?.value).problems).toEqual([]);
  return r.body?.value;
}
