/**
 * The Improvement Plan API client: openapi-fetch typed by the contract (`paths`, `components`,
 * generated into src/schema.ts by openapi-typescript), with what every screen needs:
 *
 * - `pages()`: every row of a list as an async iterator, following `next_cursor`;
 * - the ETag of each read and write kept, for `If-Match` (`etagFor(url)`, `ifMatch(url)`);
 * - an `Idempotency-Key` on each POST that does not carry one, the same on its retries;
 * - retries on 429 and 503 that wait as `Retry-After` says;
 * - problems (RFC 9457) thrown as `ProblemError`, with their field errors (`unwrap()`).
 */
import createClient, { type Client, type Middleware } from "openapi-fetch";

import type { components, paths } from "./schema.js";

export type { components, paths } from "./schema.js";
export type Schemas = components["schemas"];
export type Problem = Schemas["Problem"];
export type FieldError = Schemas["FieldError"];

/** A 4xx or 5xx answer, with its problem details. */
export class ProblemError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];
  readonly problem: Partial<Problem>;

  constructor(status: number, problem: Partial<Problem>) {
    super(`${status} ${problem.title ?? "Error"}: ${problem.detail ?? ""}`);
    this.name = "ProblemError";
    this.status = status;
    this.type = problem.type ?? "about:blank";
    this.title = problem.title ?? "";
    this.detail = problem.detail ?? "";
    this.errors = problem.errors ?? [];
    this.problem = problem;
  }

  /** The field errors for one field, such as `body.title`. */
  errorsFor(field: string): FieldError[] {
    return this.errors.filter((error) => error.field === field);
  }
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The body of a successful call; a `ProblemError` for a problem. */
export function unwrap<T>(result: FetchResult<T>): T {
  if (result.error !== undefined || result.data === undefined) {
    const problem =
      typeof result.error === "object" && result.error !== null
        ? (result.error as Partial<Problem>)
        : {};
    throw new ProblemError(result.response.status, problem);
  }
  return result.data;
}

/** Seconds to wait, from `Retry-After` (seconds or an HTTP date); `fallback` without one. */
export function retryAfterSeconds(response: Response, fallback = 1): number {
  const value = response.headers.get("retry-after");
  if (value === null) {
    return fallback;
  }
  const seconds = Number(value);
  if (Number.isFinite(seconds)) {
    return Math.max(seconds, 0);
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? fallback : Math.max((date - Date.now()) / 1000, 0);
}

export interface ApiOptions {
  baseUrl: string;
  /** The API key, sent as `Authorization: Bearer <key>`. */
  key: string;
  /** Retries of a 429 or 503 (default 3). */
  retries?: number;
  /** The longest wait, in seconds, whatever `Retry-After` says (default 60). */
  longestWait?: number;
  fetch?: typeof globalThis.fetch;
}

export interface Api {
  client: Client<paths>;
  /** The ETag of the last read or write of a resource, by its URL path (`/api/v1/...`). */
  etagFor(path: string): string | undefined;
  /** `{ "If-Match": etag }` for the resource at `path`; throws if it was never read. */
  ifMatch(path: string): { "If-Match": string };
  /** Every row of a list, fetching the next page as the loop needs it. */
  pages<T>(
    fetchPage: (cursor: string | undefined) => Promise<FetchResult<{ items: T[]; next_cursor: string | null }>>,
  ): AsyncGenerator<T, void, undefined>;
  /** How many 429s and 503s were retried. */
  retried(): number;
}

const WRITES = new Set(["POST"]);

/** A client for the API at `baseUrl`, with the helpers above. */
export function createApi(options: ApiOptions): Api {
  const retries = options.retries ?? 3;
  const longestWait = options.longestWait ?? 60;
  const send = options.fetch ?? globalThis.fetch;
  const etags = new Map<string, string>();
  let retried = 0;

  // Each attempt sends a copy of the request, so its body can be sent again.
  const retrying = async (input: Request): Promise<Response> => {
    for (let attempt = 0; ; attempt += 1) {
      const response = await send(input.clone());
      if ((response.status !== 429 && response.status !== 503) || attempt >= retries) {
        return response;
      }
      retried += 1;
      const wait = Math.min(retryAfterSeconds(response), longestWait);
      await response.body?.cancel();
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    }
  };

  const keeping: Middleware = {
    onRequest({ request }) {
      if (WRITES.has(request.method) && !request.headers.has("Idempotency-Key")) {
        request.headers.set("Idempotency-Key", crypto.randomUUID());
      }
      return request;
    },
    onResponse({ request, response }) {
      const etag = response.headers.get("etag");
      if (etag !== null && response.ok) {
        const location = response.headers.get("location");
        const path = location ? new URL(location, request.url).pathname : new URL(request.url).pathname;
        etags.set(path, etag);
      }
      return response;
    },
  };

  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    headers: { Authorization: `Bearer ${options.key}` },
    fetch: retrying,
  });
  client.use(keeping);

  return {
    client,
    etagFor: (path) => etags.get(path),
    ifMatch(path) {
      const etag = etags.get(path);
      if (etag === undefined) {
        throw new Error(`no ETag kept for ${path}: read it first`);
      }
      return { "If-Match": etag };
    },
    async *pages(fetchPage) {
      let cursor: string | undefined;
      do {
        const page = unwrap(await fetchPage(cursor));
        yield* page.items;
        cursor = page.next_cursor ?? undefined;
      } while (cursor !== undefined);
    },
    retried: () => retried,
  };
}
