// A short German error card: the message says what went wrong and what to do; the code (small,
// grey) lets support find the matching log line. No coloured background: Teams' "attention"
// container is a loud salmon, too much for "please use a current card".
import type { ErrorModel } from '../src/notices/types.ts';
import { card, note, text } from './common/build.ts';
import type { AdaptiveCard } from './common/types.ts';

export function errorCard(model: ErrorModel): AdaptiveCard {
  return card([text(model.message, { weight: 'bolder', color: 'attention' }), note(`Fehlercode: ${model.code}`, { spacing: 'small' })], [], {
    fallbackText: `${model.message} (Fehlercode: ${model.code})`,
  });
}
