/**
 * A post's topic as a few words, so Plume can keep what a competitor talks about without keeping
 * what they wrote: the longest distinct words of the text that are not stop words, links, mentions or
 * hashtags (hashtags are kept apart), lower-case, at most `MAX_TOPIC_WORDS`, in text order.
 */
export const MAX_TOPIC_WORDS = 8;
const MIN_LENGTH = 4;

/** Common English, French, German and Spanish words that say nothing about a topic. */
const STOP_WORDS = new Set(
  (
    'about above after again also always another because been before being below between both cannot could ' +
    'does doing down during each every from further have having here into itself just like make more most ' +
    'much must only other ours over same should some such than that their theirs them then there these they ' +
    'this those through under until very were what when where which while will with would your yours today ' +
    'tomorrow thanks thank please really still even ever many new now our out the and for you are was not ' +
    'avec dans pour plus nous vous sont cette mais tout tous leur leurs comme être faire aussi ' +
    'und der die das mit sich auch nicht eine einen einem ist sind wird haben ' +
    'para como este esta pero todo todos sobre tiene hacer'
  ).split(' '),
);

export function topicWordsOf(text: string): string[] {
  const cleaned = text
    .replace(/https?:\/\/\S+/giu, ' ')
    .replace(/[@#＃][\p{L}\p{M}\p{N}_.-]+/gu, ' ')
    .toLowerCase();
  const words: { word: string; at: number }[] = [];
  const seen = new Set<string>();
  for (const match of cleaned.matchAll(/[\p{L}\p{M}][\p{L}\p{M}\p{N}'’-]*/gu)) {
    const word = match[0].replace(/['’-]+$/u, '');
    if ([...word].length < MIN_LENGTH || STOP_WORDS.has(word) || seen.has(word)) continue;
    seen.add(word);
    words.push({ word, at: match.index });
  }
  return words
    .sort((a, b) => [...b.word].length - [...a.word].length || a.at - b.at)
    .slice(0, MAX_TOPIC_WORDS)
    .sort((a, b) => a.at - b.at)
    .map((entry) => entry.word);
}
