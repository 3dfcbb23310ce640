import { describe, expect, it } from 'vitest';
import { formatCost, monthLabel, progressOf, stepLabel } from './agent-labels.ts';

describe('agent labels', () => {
  it('writes micro-dollars as money, and zero as local or free', () => {
    expect(formatCost(0)).toBe('$0 (local or free)');
    expect(formatCost(1234)).toBe('$0.0012');
    expect(formatCost(2_500_000)).toBe('$2.50');
  });

  it('names months, steps and progress in words', () => {
    expect(monthLabel('2027-01')).toBe('January 2027');
    expect(stepLabel('strategy:retry')).toMatch(/asked again/);
    expect(stepLabel('unknown-step')).toBe('unknown-step');
    expect(progressOf({ doneSteps: 2, plannedSteps: 3 })).toBe(67);
    expect(progressOf({ doneSteps: 0, plannedSteps: 0 })).toBe(0);
  });
});
