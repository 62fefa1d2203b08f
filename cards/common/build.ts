// Small builders for the patterns every card repeats. They return typed values, so cards stay
// plain object literals checked by the compiler, with no casts.
import type { ActionData, AdaptiveCard, CardAction, CardElement, Container, ExecuteAction, Fact, FactSet, OpenUrlAction, RefreshDefinition, TextBlock, TeamsCardProperties } from './types.ts';

export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const CARD_VERSION = '1.5';

export interface CardOptions {
  refresh?: RefreshDefinition;
  msteams?: TeamsCardProperties;
  fallbackText?: string;
}

export function card(body: CardElement[], actions: CardAction[] = [], options: CardOptions = {}): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body,
    ...(actions.length > 0 ? { actions } : {}),
    ...options,
  };
}

/** A wrapping text block; pass further TextBlock properties in `options`. */
export function text(value: string, options: Omit<TextBlock, 'type' | 'text'> = {}): TextBlock {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

export function heading(value: string): TextBlock {
  return { type: 'TextBlock', text: value, wrap: true, style: 'heading', size: 'large', weight: 'bolder' };
}

/** Small grey text for codes, timestamps and hints. */
export function note(value: string, options: Omit<TextBlock, 'type' | 'text'> = {}): TextBlock {
  return { type: 'TextBlock', text: value, wrap: true, size: 'small', isSubtle: true, ...options };
}

/** A FactSet from `[title, value]` pairs. */
export function facts(...pairs: readonly (readonly [string, string])[]): FactSet {
  const list: Fact[] = pairs.map(([title, value]) => ({ title, value }));
  return { type: 'FactSet', facts: list };
}

export function container(items: CardElement[], options: Omit<Container, 'type' | 'items'> = {}): Container {
  return { type: 'Container', items, ...options };
}

export function executeAction(title: string, verb: string, data?: ActionData, options: Omit<ExecuteAction, 'type' | 'title' | 'verb' | 'data'> = {}): ExecuteAction {
  return { type: 'Action.Execute', title, verb, ...(data ? { data } : {}), ...options };
}

export function openUrlAction(title: string, url: string): OpenUrlAction {
  return { type: 'Action.OpenUrl', title, url };
}
