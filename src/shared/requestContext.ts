import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What every log line written on behalf of one piece of work carries. */
export interface RequestContext {
  requestId: string;
  /** Set while a job runs (the request that enqueued it keeps its requestId). */
  jobId?: string;
}

// One carrier for every surface: the id follows awaits into use cases and jobs without a parameter.
const storage = new AsyncLocalStorage<RequestContext>();

export function newRequestId(): string {
  return randomUUID();
}

/** Runs `fn` with this context; surfaces call it in their entry point, once per request or update. */
export function withRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** An id a caller sent (x-request-id), if it is short and plain enough to put in a log line. */
export function acceptRequestId(header: string | string[] | undefined): string {
  const id = Array.isArray(header) ? header[0] : header;
  return id && /^[\w.:-]{1,128}$/.test(id) ? id : newRequestId();
}
