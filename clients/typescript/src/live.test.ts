/**
 * The package against a live service (IPA_BASE_URL, IPA_API_KEY; started by
 * tests/contract/test_typescript_client.py with a small rate limit, so paging meets a 429).
 *
 *   node --test dist/live.test.js
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import { createApi, ProblemError, unwrap } from "./index.js";

function env(name: string): string {
  const value = process.env[name];
  assert.ok(value, `${name} is not set`);
  return value;
}

test("pages, ETags, idempotency keys, retries and problems against a live service", async () => {
  // Enough retries for a burst whose requests all wait and come back together.
  const api = createApi({ baseUrl: env("IPA_BASE_URL"), key: env("IPA_API_KEY"), retries: 10 });
  const { client } = api;

  const plans = unwrap(await client.GET("/api/v1/plans", { params: { query: { limit: 1 } } }));
  const plan = plans.items[0];
  assert.ok(plan, "no plan is loaded");

  // Every action, seven a page: the iterator follows next_cursor to the last page.
  const refs: string[] = [];
  for await (const action of api.pages((cursor) =>
    client.GET("/api/v1/actions", {
      params: { query: { plan_id: [plan.id], limit: 7, sort: ["ref"], cursor } },
    }),
  )) {
    refs.push(action.ref);
  }
  const total = unwrap(
    await client.GET("/api/v1/actions", { params: { query: { plan_id: [plan.id], limit: 1 } } }),
  ).total;
  assert.equal(refs.length, total);
  assert.equal(new Set(refs).size, total);
  assert.ok(total > 7);

  // A burst past the rate limit: each 429 is retried after Retry-After, and all succeed.
  const burst = await Promise.all(
    Array.from({ length: 25 }, () => client.GET("/api/v1/me")).map(async (call) => unwrap(await call)),
  );
  assert.equal(burst.length, 25);
  assert.ok(api.retried() >= 1, "the rate limit was never met, so no retry was tried");

  // The ETag of a read is kept, and a write's ETag replaces it.
  const first = unwrap(
    await client.GET("/api/v1/actions", {
      params: { query: { plan_id: [plan.id], ref: [refs[0] ?? ""] } },
    }),
  ).items[0];
  assert.ok(first);
  const path = `/api/v1/actions/${first.id}`;
  unwrap(await client.GET("/api/v1/actions/{action_id}", { params: { path: { action_id: first.id } } }));
  const read = api.etagFor(path);
  assert.ok(read);
  const changed = unwrap(
    await client.PATCH("/api/v1/actions/{action_id}", {
      params: { path: { action_id: first.id }, header: api.ifMatch(path) },
      body: { notes: "Reviewed with the TypeScript package" },
    }),
  );
  assert.equal(changed.notes, "Reviewed with the TypeScript package");
  assert.notEqual(api.etagFor(path), read);

  // A stale ETag is a 412, thrown as a ProblemError.
  const stale = await client.PATCH("/api/v1/actions/{action_id}", {
    params: { path: { action_id: first.id }, header: { "If-Match": read } },
    body: { notes: "Stale" },
  });
  assert.throws(() => unwrap(stale), (error: unknown) => error instanceof ProblemError && error.status === 412);

  // Each POST gets its own Idempotency-Key; the same key given twice is a replay.
  const update = { status: "not_started" as const, narrative: "Posted by the TypeScript package" };
  const post = (key?: string) =>
    client.POST("/api/v1/actions/{action_id}/status-updates", {
      params: { path: { action_id: first.id }, header: key ? { "Idempotency-Key": key } : {} },
      body: update,
    });
  const one = await post();
  const two = await post();
  assert.notEqual(unwrap(one).id, unwrap(two).id);
  const key = crypto.randomUUID();
  const once = await post(key);
  const replay = await post(key);
  assert.equal(unwrap(replay).id, unwrap(once).id);
  assert.equal(replay.response.headers.get("idempotent-replayed"), "true");

  // A 422 names its fields.
  const refused = await client.GET("/api/v1/reports/quarterly", {
    params: { query: { plan_id: plan.id, quarter: "2023-Q9" } },
  });
  try {
    unwrap(refused);
    assert.fail("a malformed quarter was accepted");
  } catch (error) {
    assert.ok(error instanceof ProblemError);
    assert.equal(error.status, 422);
    assert.equal(error.errorsFor("query.quarter").length, 1);
  }

  // The quarterly report as a file.
  const csv = await client.GET("/api/v1/reports/quarterly.csv", {
    params: { query: { plan_id: plan.id, quarter: "2023-24-Q2" } },
    parseAs: "text",
  });
  assert.ok(unwrap(csv).replace(/^\uFEFF/, "").startsWith("plan,quarter,ref"));
});
