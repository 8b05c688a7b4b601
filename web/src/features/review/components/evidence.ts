import type { CaseDetail } from '../api';

type Scan = CaseDetail['content']['scans'][number];
export type Evidence = Scan['verdict']['categories'][number]['evidence'][number];
export type Findings = NonNullable<Scan['verdict']['signals']['media']>[number];

/** The latest scan of the item, whose verdict the case is about. */
export function latestScan(detail: CaseDetail): Scan | undefined {
  return detail.content.scans.at(-1);
}

/** Every piece of evidence of the latest verdict with the category it counts for. */
export function allEvidence(detail: CaseDetail): { category: string; evidence: Evidence }[] {
  return (latestScan(detail)?.verdict.categories ?? []).flatMap((c) => c.evidence.map((evidence) => ({ category: c.category, evidence })));
}

/** What the analysis found in media item `index` of the latest scan. */
export function findingsOf(detail: CaseDetail, index: number): Findings | undefined {
  return latestScan(detail)?.verdict.signals.media?.find((f) => f.media === index) ?? detail.content.analysis?.findings.find((f) => f.media === index);
}
