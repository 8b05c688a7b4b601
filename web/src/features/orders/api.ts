import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data, type Answer, type Body } from '../../api/client';

export type Order = Answer<'/v1/regulator/orders/{id}', 'get'>;
export type OrderStatus = Order['status'];
export type OrderCategory = Order['category'];
export type Target = NonNullable<Order['targets']>[number];
export type TargetStatus = Target['status'];
export type OrderBody = Body<'/v1/regulator/orders', 'post'>;
export type TargetInput = OrderBody['targets'][number];
export type Verification = Answer<'/v1/regulator/verify', 'post'>['results'][number];
export type Warning = Answer<'/v1/regulator/orders/{id}/warnings', 'get'>['warnings'][number];
export type ClarificationBody = Body<'/v1/regulator/orders/{id}/targets/{target}/clarification', 'post'>;
export type WarningBody = Body<'/v1/regulator/orders/{id}/warnings', 'post'>;
export type RequestedAction = NonNullable<OrderBody['requestedAction']>;
export type ImportResult = Answer<'/v1/regulator/orders/import', 'post'>;

export const ORDER_STATUSES: readonly OrderStatus[] = ['received', 'in_progress', 'completed', 'overdue'];
export const CLARIFICATION_REASONS: readonly ClarificationBody['reason'][] = ['invalid_link', 'wrong_screenshot', 'not_prohibited', 'other'];
/** The API's order categories (ORDER_CATEGORIES in src/regulator/regulator.ts); the type check below keeps the list whole. */
export const ORDER_CATEGORIES = ['gambling', 'pornography', 'csam', 'sara_hate', 'terrorism', 'drugs', 'fraud', 'violence', 'hoax', 'illegal_goods', 'other'] as const satisfies readonly OrderCategory[];
const everyCategory: Exclude<OrderCategory, (typeof ORDER_CATEGORIES)[number]> extends never ? true : false = true;
void everyCategory;
/** The most targets one order may name, and one verification may ask about (src/regulator/regulator.ts). */
export const MAX_TARGETS = 10_000;
export const MAX_VERIFY = 1_000;

export const orderKeys = {
  all: ['orders'] as const,
  list: (status: OrderStatus | null) => ['orders', 'list', status] as const,
  order: (id: string) => ['orders', 'order', id] as const,
  warnings: (id: string) => ['orders', 'warnings', id] as const,
};

const PAGE = 25;

/** Orders newest first, a page at a time (the API's cursor). */
export function useOrders(status: OrderStatus | null) {
  return useInfiniteQuery({
    queryKey: orderKeys.list(status),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      data(api.GET('/v1/regulator/orders', { params: { query: { limit: PAGE, ...(status ? { status } : {}), ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 30_000,
  });
}

export function useOrder(id: string) {
  return useQuery({ queryKey: orderKeys.order(id), queryFn: () => data(api.GET('/v1/regulator/orders/{id}', { params: { path: { id } } })), refetchInterval: 30_000, retry: false });
}

export function useWarnings(id: string, enabled: boolean) {
  return useQuery({ queryKey: orderKeys.warnings(id), queryFn: () => data(api.GET('/v1/regulator/orders/{id}/warnings', { params: { path: { id } } })), enabled });
}

function useInvalidateOrders() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: orderKeys.all });
}

export function useSubmitOrder() {
  const invalidate = useInvalidateOrders();
  return useMutation({
    // 201: a new order; 200: the organisation sent this number before (the order as stored).
    mutationFn: async (body: OrderBody) => {
      const call = api.POST('/v1/regulator/orders', { body });
      const order = await data(call);
      return { order, created: (await call).response.status === 201 };
    },
    onSettled: invalidate,
  });
}

export function useVerify() {
  return useMutation({ mutationFn: (targets: TargetInput[]) => data(api.POST('/v1/regulator/verify', { body: { targets } })) });
}

export function useClarify(orderId: string) {
  const invalidate = useInvalidateOrders();
  return useMutation({
    mutationFn: ({ target, body }: { target: string; body: ClarificationBody }) =>
      data(api.POST('/v1/regulator/orders/{id}/targets/{target}/clarification', { params: { path: { id: orderId, target } }, body })),
    onSettled: invalidate,
  });
}

export function useRecordWarning(orderId: string) {
  const invalidate = useInvalidateOrders();
  return useMutation({ mutationFn: (body: WarningBody) => data(api.POST('/v1/regulator/orders/{id}/warnings', { params: { path: { id: orderId } }, body })), onSettled: invalidate });
}

export function useAnswerInformation(orderId: string) {
  const invalidate = useInvalidateOrders();
  return useMutation({ mutationFn: (note: string) => data(api.POST('/v1/regulator/orders/{id}/information', { params: { path: { id: orderId } }, body: { note } })), onSettled: invalidate });
}

/** Imports a CSV or XLSX file of orders (its raw bytes; the API reads which format it is). */
export function useImportOrders() {
  const invalidate = useInvalidateOrders();
  return useMutation({
    mutationFn: (file: File) =>
      data(
        api.POST('/v1/regulator/orders/import', {
          body: file as never,
          bodySerializer: (body: unknown) => body as BodyInit,
          // The API takes the file's type as it is, or reads the format from the bytes.
          headers: { 'content-type': /\.csv$/i.test(file.name) ? 'text/csv' : file.type || 'application/octet-stream' },
        }),
      ),
    onSettled: invalidate,
  });
}

/**
 * Uploads one screenshot (`POST /v1/regulator/screenshots`, its raw bytes; images only) and
 * answers its upload id. Officers may not use `POST /v1/uploads`; this route is for orders.
 */
export async function upload(file: File): Promise<string> {
  const answer = await data(
    api.POST('/v1/regulator/screenshots', {
      body: file as never,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'content-type': file.type || 'application/octet-stream' },
    }),
  );
  return answer.upload;
}

/** Where an order's screenshot is served (same origin, the session's cookie). */
export const screenshotUrl = (orderId: string, index: number) => `/v1/regulator/orders/${encodeURIComponent(orderId)}/screenshots/${index}`;
