/**
 * Finds the brand's topics to avoid in post text: whole words or phrases, case-insensitive, singular
 * and plural alike ('election' finds 'Elections', 'crypto scams' finds 'crypto scam').
 */

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern for one word that also matches its plural (or singular, when the word is plural). */
function wordPattern(word: string): string {
  const lower = word.toLowerCase();
  if (/[^aeiou]y$/.test(lower)) return `${escapeRegExp(lower.slice(0, -1))}(?:y|ies)`;
  if (/[^aeiou]ies$/.test(lower)) return `${escapeRegExp(lower.slice(0, -3))}(?:y|ies)`;
  if (/(?:s|x|z|ch|sh)es$/.test(lower)) return `${escapeRegExp(lower.slice(0, -2))}(?:es)?`;
  if (/[^s]s$/.test(lower)) return `${escapeRegExp(lower.slice(0, -1))}s?`;
  return `${escapeRegExp(lower)}(?:s|es)?`;
}

function topicPattern(topic: string): RegExp {
  const words = topic.trim().split(/\s+/).map(wordPattern);
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[\\s-]+')}(?![\\p{L}\\p{N}])`, 'iu');
}

/**
 * The topics (as the brand wrote them) that the text mentions.
 *
 * @example findAvoidedTopics('Our take on the Elections', ['election']) // ['election']
 */
export function findAvoidedTopics(text: string, topics: readonly string[]): string[] {
  return topics.filter((topic) => topic.trim() && topicPattern(topic).test(text));
}
