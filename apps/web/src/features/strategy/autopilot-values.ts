/** The autopilot form's values as typed, and the body they become. */
import type {
  AutopilotSettingsBody,
  AutopilotLevel,
  WireAutopilotSettings,
} from '@plume/contract/planning/autopilot-schemas';

export type AutopilotValues = {
  level: AutopilotLevel;
  approvedPillars: string[];
  perDay: string;
  bannedTopics: string;
  requireAiDisclosure: boolean;
  pauseOnNegativeSpike: boolean;
};

export const LEVEL_OPTIONS: { value: AutopilotLevel; label: string }[] = [
  { value: 'off', label: 'Off: nothing runs by itself' },
  { value: 'draft', label: 'Plan and draft for approval (default)' },
  { value: 'auto_schedule', label: 'Auto-schedule approved pillars within the guardrails' },
];

export function autopilotValues(settings: WireAutopilotSettings): AutopilotValues {
  return {
    level: settings.level,
    approvedPillars: settings.approvedPillars,
    perDay: String(settings.postsPerDayPerAccount),
    bannedTopics: settings.bannedTopics.join('\n'),
    requireAiDisclosure: settings.requireAiDisclosure,
    pauseOnNegativeSpike: settings.pauseOnNegativeSpike,
  };
}

/** Banned topics one per line; a typed number or NaN, which the API refuses at its field (never silently 1). */
export function autopilotBody(values: AutopilotValues): AutopilotSettingsBody {
  return {
    level: values.level,
    approvedPillars: values.approvedPillars,
    postsPerDayPerAccount: values.perDay.trim() === '' ? Number.NaN : Number(values.perDay),
    bannedTopics: values.bannedTopics
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
    requireAiDisclosure: values.requireAiDisclosure,
    pauseOnNegativeSpike: values.pauseOnNegativeSpike,
  };
}
