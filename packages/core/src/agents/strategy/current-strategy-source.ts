/**
 * Where the Strategy agent reads the workspace's current strategy (pillars with their shares, goals).
 * The workspace strategy module plugs in here (`getWorkspaceStrategy`); until it does, a run takes its
 * pillars and goals from its request, or else from the brand profile.
 */
export type CurrentStrategy = {
  pillars: Array<{ key: string; name: string; share: number }>;
  goals: string[];
};

export interface CurrentStrategySource {
  current(workspaceId: string): Promise<CurrentStrategy | null>;
}

export const noCurrentStrategy: CurrentStrategySource = { current: () => Promise.resolve(null) };
