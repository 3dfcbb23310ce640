/**
 * The hook: does the first line make people stop? A short first line, plus an opening that asks a
 * question, has a number, or starts with a strong verb. The verb list is English; in other
 * languages only length, questions and numbers count.
 */
import { splitGraphemes } from '@plume/networks/text/graphemes';
import { numberFormat, type Verdict } from './criterion.ts';
import { firstLineMax } from './length-guidance.ts';
import type { TargetNetwork } from './target-network.ts';

const strongOpeners = new Set(
  (
    'stop start learn discover try imagine meet build get make avoid grab join master boost unlock save fix skip forget ' +
    'read watch see steal double cut turn swap quit ditch stretch brew taste find ask why how what here'
  ).split(' '),
);

export function scoreHook(text: string, network: TargetNetwork): Verdict {
  const firstLine = text.trim().split('\n')[0]!.trim();
  const length = splitGraphemes(firstLine).length;
  const max = firstLineMax(network.id);
  const isShort = length <= max;
  const firstWord = /^[\p{L}']+/u.exec(firstLine)?.[0].toLowerCase().replace(/'s$/, '') ?? '';
  const signals = [
    /\?/.test(firstLine.split(/(?<=[.!?])\s/)[0] ?? '') ? 'asks a question' : undefined,
    /\p{N}/u.test(firstLine) ? 'has a number' : undefined,
    strongOpeners.has(firstWord) ? `opens with "${firstWord}"` : undefined,
  ].filter((signal) => signal !== undefined);

  const lengthPart = isShort
    ? `The first line is short (${numberFormat.format(length)} characters)`
    : `The first line is ${numberFormat.format(length)} characters; a short first line (${max} or fewer) hooks readers on ${network.name}`;
  const signalPart =
    signals.length > 0
      ? `It ${signals.join(' and ')}`
      : 'A question, a number or a strong verb up front would draw readers in';
  return {
    score: 0.5 * (isShort ? 1 : max / length) + 0.5 * (signals.length > 0 ? 1 : 0),
    reason: `${lengthPart}. ${signalPart}.`,
  };
}
