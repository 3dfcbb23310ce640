/** Length fit: over the limit scores 0; the ideal range 1; shorter or longer than ideal in between. */
import { countText } from '@plume/networks/text/count-text';
import { numberFormat, type Verdict } from './criterion.ts';
import { describeUnit } from './describe-limit.ts';
import { IDEAL_LENGTH } from './length-guidance.ts';
import { textLimitOf, type TargetNetwork } from './target-network.ts';

export function scoreLength(composed: string, network: TargetNetwork): Verdict & { isOverLimit: boolean } {
  const count = countText(composed, network.text.count);
  const limit = network.text.limit;
  const ideal = IDEAL_LENGTH[network.id];
  const unit = describeUnit(textLimitOf(network));
  const size = `${numberFormat.format(count)} ${unit}`;
  const range = `${numberFormat.format(ideal.min)}–${numberFormat.format(ideal.max)}`;
  if (count > limit) {
    return {
      score: 0,
      isOverLimit: true,
      reason: `The post is ${size}; ${network.name} allows ${numberFormat.format(limit)}, so it cannot be published as is.`,
    };
  }
  if (count < ideal.min) {
    return {
      score: 0.5 + 0.5 * (count / ideal.min),
      isOverLimit: false,
      reason: `The post is ${size}; on ${network.name} ${range} tends to do best, so there is room to say more.`,
    };
  }
  if (count > ideal.max) {
    const over = limit > ideal.max ? (count - ideal.max) / (limit - ideal.max) : 1;
    return {
      score: 1 - 0.5 * over,
      isOverLimit: false,
      reason: `The post is ${size}; shorter posts (${range}) tend to do better on ${network.name}.`,
    };
  }
  return {
    score: 1,
    isOverLimit: false,
    reason: `The post is ${size}, within the ${range} that tends to do best on ${network.name}.`,
  };
}
