/** Contribution calculators: rule rows as listed on the "Bảng mức đóng" tab, and the results. */
import type { ContributionRule } from '../calc/contributions';
import type { RuleUnit } from '../domain/contributions';

export type { BhxhTnResult, BhytHgdMember, BhytHgdResult, ContributionRule, RuleUsed } from '../calc/contributions';

export interface ContributionRuleRow extends ContributionRule {
  kindLabel: string;
  subjectLabel: string;
  unit: RuleUnit;
  /** In force today (the latest start of its kind and subject, not ended). */
  current: boolean;
  createdBy: string;
  createdAt: string;
  endedBy: string | null;
  endedAt: string | null;
}
