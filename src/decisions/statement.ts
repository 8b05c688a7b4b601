import { CATEGORIES, type CategoryId } from '../categories/categories.js';
import { describeEvidence, type Evidence } from '../scan/verdict.js';

export const DECISION_ACTIONS = ['allow', 'restrict_16', 'restrict_18', 'remove'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];
export const ACTOR_TYPES = ['automated', 'moderator', 'regulator_order'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/**
 * A statement of reasons, as the affected user and a regulator read it. The fields follow what
 * Permenkominfo 5/2020 asks a platform to tell the uploader and what the EU DSA (art. 17) and
 * its Transparency Database record, so one statement serves both regimes.
 */
export interface StatementOfReasons {
  decisionId: string;
  content: { id: string; externalId: string; kind: string };
  /** What was done: `removed`, `age_restricted_18`, `hidden_under_16`, `no_action`. */
  visibility: 'removed' | 'age_restricted_18' | 'hidden_under_16' | 'no_action';
  action: DecisionAction;
  category: CategoryId | null;
  categoryLabel: { id: string; en: string } | null;
  ground: {
    type: 'illegal_content' | 'terms_of_service' | 'none';
    legalGround: string | null;
    explanation: string;
  };
  /** The facts and circumstances relied on. */
  facts: { summary: string; evidence: Evidence[] };
  automatedDetection: boolean;
  automatedDecision: 'fully' | 'partially' | 'not_automated';
  /** What triggered the decision. */
  source: 'own_initiative' | 'notice' | 'regulator_order';
  territorialScope: string[];
  redress: { type: 'internal_complaint' | 'out_of_court' | 'judicial'; description: { id: string; en: string } }[];
  decidedAt: string;
}

const VISIBILITY: Record<DecisionAction, StatementOfReasons['visibility']> = {
  remove: 'removed',
  restrict_18: 'age_restricted_18',
  restrict_16: 'hidden_under_16',
  allow: 'no_action',
};

const REDRESS: StatementOfReasons['redress'] = [
  {
    type: 'internal_complaint',
    description: {
      id: 'Ajukan banding melalui platform dalam 6 bulan; banding ditinjau oleh moderator manusia yang tidak membuat keputusan ini.',
      en: 'Appeal through the platform within 6 months; a human moderator who did not take this decision reviews it.',
    },
  },
  {
    type: 'out_of_court',
    description: {
      id: 'Anda dapat mengadu kepada Kementerian Komunikasi dan Digital (Komdigi) atau lembaga penyelesaian sengketa yang diakui.',
      en: 'You may complain to the Ministry of Communication and Digital Affairs (Komdigi) or a recognised dispute-settlement body.',
    },
  },
  {
    type: 'judicial',
    description: {
      id: 'Anda berhak menempuh jalur hukum melalui pengadilan yang berwenang.',
      en: 'You may seek a remedy before the competent court.',
    },
  },
];

function summarise(evidence: Evidence[]): string {
  const positive = evidence.filter((e) => e.weight > 0);
  if (positive.length === 0) return '';
  return `Found: ${[...new Set(positive.map(describeEvidence))].slice(0, 8).join('; ')}.`;
}

export function buildStatement(input: {
  decisionId: string;
  content: { id: string; externalId: string; kind: string };
  action: DecisionAction;
  category: CategoryId | null;
  actorType: ActorType;
  automatedDetection: boolean;
  evidence: Evidence[];
  reason?: string | undefined;
  decidedAt: Date;
}): StatementOfReasons {
  const cat = input.category ? CATEGORIES[input.category] : null;
  const automated = input.actorType === 'automated';
  const factsSummary = [input.reason, summarise(input.evidence)].filter(Boolean).join(' ');
  return {
    decisionId: input.decisionId,
    content: input.content,
    visibility: VISIBILITY[input.action],
    action: input.action,
    category: input.category,
    categoryLabel: cat?.label ?? null,
    ground: cat
      ? {
          type: 'illegal_content',
          legalGround: cat.legalGround,
          explanation: `${cat.label.en} is prohibited content under Indonesian law (${cat.legalGround}).`,
        }
      : { type: 'none', legalGround: null, explanation: 'No prohibited content was found.' },
    facts: { summary: factsSummary || 'See the evidence.', evidence: input.evidence },
    automatedDetection: input.automatedDetection,
    automatedDecision: automated ? 'fully' : input.automatedDetection ? 'partially' : 'not_automated',
    source: input.actorType === 'regulator_order' ? 'regulator_order' : 'own_initiative',
    territorialScope: ['ID'],
    redress: REDRESS,
    decidedAt: input.decidedAt.toISOString(),
  };
}
