import type { WireAgentRun } from '@plume/contract/agents/agent-run-schemas';
import { formatCost, stepLabel } from './agent-labels.ts';

const stepState: Record<WireAgentRun['steps'][number]['state'], string> = {
  running: 'Running…',
  succeeded: 'Done',
  failed: 'Failed',
};

/** Each step with what it used: model, prompt size, tokens, cost and time. */
export function RunSteps({ steps }: { steps: WireAgentRun['steps'] }) {
  if (steps.length === 0)
    return <p className="text-sm text-muted">No step has started yet: the run waits for a worker.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Steps of the run</caption>
        <thead className="text-xs text-muted">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">
              Step
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              State
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Model
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Prompt
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Answer
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Cost
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              Time
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {steps.map((step) => (
            <tr key={step.key} data-step={step.key}>
              <td className="py-2 pr-3">
                {stepLabel(step.key)}
                {step.attempts > 1 ? (
                  <span className="block text-xs text-muted">started {step.attempts} times (interrupted)</span>
                ) : null}
                {step.error ? <span className="block text-xs text-danger">{step.error}</span> : null}
              </td>
              <td className="py-2 pr-3">{stepState[step.state]}</td>
              <td className="py-2 pr-3">{step.model ? `${step.provider ?? ''} · ${step.model}` : '—'}</td>
              <td className="py-2 pr-3 text-right tabular-nums">
                {step.promptTokens > 0 ? `${step.promptTokens} tokens (${step.promptChars} chars)` : '—'}
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">
                {step.completionTokens > 0 ? `${step.completionTokens} tokens` : '—'}
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">{step.model ? formatCost(step.costMicros) : '—'}</td>
              <td className="py-2 text-right tabular-nums">
                {step.state === 'running' ? '…' : `${(step.ms / 1000).toFixed(1)} s`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
