import { CaseState } from '../../../shared/domain/case-state';

export interface MilestoneDefinition {
  name: string;
  percent: number;
  onState: CaseState;
}

export interface ReachedMilestone extends MilestoneDefinition {
  reachedAt: string;
}

const same = (a: MilestoneDefinition, b: MilestoneDefinition) =>
  a.name === b.name && a.onState === b.onState;

/** The milestones of the plan that entering `state` reaches for the first time (each once, ever). */
export function milestonesReached(
  plan: readonly MilestoneDefinition[],
  state: CaseState,
  reached: readonly ReachedMilestone[],
  at: Date,
): ReachedMilestone[] {
  const fresh: ReachedMilestone[] = [];
  for (const m of plan) {
    if (m.onState !== state || [...reached, ...fresh].some((r) => same(r, m))) continue;
    fresh.push({
      name: m.name,
      percent: m.percent,
      onState: m.onState,
      reachedAt: at.toISOString(),
    });
  }
  return fresh;
}

/** A milestone raises the completion estimate to its percent, and never lowers it. */
export function raisedPercent(current: number, reached: readonly ReachedMilestone[]): number {
  return Math.max(current, ...reached.map((m) => m.percent));
}
