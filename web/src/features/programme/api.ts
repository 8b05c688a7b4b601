import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data, type Answer, type Body } from '../../api/client';

export type Nomination = Answer<'/v1/programme/nominations/{id}', 'get'>;
export type NominationStatus = Nomination['status'];
export type Band = Nomination['band'];
export type Topic = Nomination['topic'];
export type LeaveReason = NonNullable<Nomination['left']>['reason'];
export type CatalogueItem = Answer<'/v1/programme/catalogue', 'get'>['items'][number];
export type ProgrammeReport = Answer<'/v1/programme/report', 'get'>;
export type NominationBody = Body<'/v1/programme/nominations', 'post'>;

/** The API's bands and topics (src/youth/programme/types.ts); the type checks below keep the lists whole. */
export const BANDS = ['3_5', '6_9', '10_12', '13_15', '16_17'] as const satisfies readonly Band[];
export const TOPICS = [
  'digital_literacy',
  'science',
  'mathematics',
  'language',
  'religion_character',
  'health',
  'arts',
  'online_safety',
  'history_culture',
  'environment',
] as const satisfies readonly Topic[];
const everyBand: Exclude<Band, (typeof BANDS)[number]> extends never ? true : false = true;
const everyTopic: Exclude<Topic, (typeof TOPICS)[number]> extends never ? true : false = true;
void everyBand;
void everyTopic;

export const programmeKeys = {
  all: ['programme'] as const,
  catalogue: (band: Band | null, topic: Topic | null) => ['programme', 'catalogue', band, topic] as const,
  nominations: (status: NominationStatus | null) => ['programme', 'nominations', status] as const,
  approvals: ['programme', 'approvals'] as const,
  report: (from: string, to: string) => ['programme', 'report', from, to] as const,
};

const PAGE = 25;

/** The catalogue, newest first, a page at a time (the API's keyset cursor). */
export function useCatalogue(band: Band | null, topic: Topic | null) {
  return useInfiniteQuery({
    queryKey: programmeKeys.catalogue(band, topic),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      data(api.GET('/v1/programme/catalogue', { params: { query: { limit: PAGE, ...(band ? { band } : {}), ...(topic ? { topic } : {}), ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The organisation's nominations (everyone's for the platform's people), newest first. */
export function useNominations(status: NominationStatus | null) {
  return useInfiniteQuery({
    queryKey: programmeKeys.nominations(status),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => data(api.GET('/v1/programme/nominations', { params: { query: { limit: PAGE, ...(status ? { status } : {}), ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Pending nominations this person may decide. */
export function useApprovals() {
  return useInfiniteQuery({
    queryKey: programmeKeys.approvals,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => data(api.GET('/v1/programme/approvals', { params: { query: { limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useProgrammeReport(from: string, to: string, enabled: boolean) {
  return useQuery({
    queryKey: programmeKeys.report(from, to),
    enabled,
    queryFn: () => data(api.GET('/v1/programme/report', { params: { query: { from, to, zone: 'WIB' } } })),
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: programmeKeys.all });
}

export function useNominate() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: NominationBody) => data(api.POST('/v1/programme/nominations', { body })), onSettled: invalidate });
}

export function useDecide() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, approve, reason }: { id: string; approve: boolean; reason: string }) =>
      approve
        ? data(api.POST('/v1/programme/nominations/{id}/approve', { params: { path: { id } }, body: reason ? { reason } : {} }))
        : data(api.POST('/v1/programme/nominations/{id}/reject', { params: { path: { id } }, body: { reason } })),
    onSettled: invalidate,
  });
}

export type HarmReportBody = Body<'/v1/programme/reports', 'post'>;
export type HarmCategory = HarmReportBody['category'];
/** The report categories (REPORT_CATEGORIES in src/reports/reports.ts), the ones about children first. */
export const HARM_CATEGORIES = ['csam', 'pornography', 'violence', 'fraud', 'drugs', 'gambling', 'sara_hate', 'terrorism', 'hoax', 'illegal_goods', 'other'] as const satisfies readonly HarmCategory[];
const everyCategory: Exclude<HarmCategory, (typeof HARM_CATEGORIES)[number]> extends never ? true : false = true;
void everyCategory;

/** A partner's report of harm to children: urgent, in the review queue `children`. */
export function useReportHarm() {
  const invalidate = useInvalidate();
  // A reported catalogue item leaves the catalogue: the lists change too.
  return useMutation({ mutationFn: (body: HarmReportBody) => data(api.POST('/v1/programme/reports', { body })), onSettled: invalidate });
}
