import assert from "node:assert/strict";
import { test } from "node:test";
import { loadTs } from "./loadTs.mjs";

const { JoinRequestList } = await loadTs("groups/joinRequestList.ts");

const request = (userId, at) => ({ userId, name: `n-${userId}`, schoolName: "第一中学", county: "西湖区", at });
const ids = (list) => list.requests.map((r) => r.userId);

test("events keep the loaded list current, oldest first, one line per teacher", () => {
  const list = new JoinRequestList();
  assert.equal(list.loaded(list.beginLoad(), [request("b", "2026-12-07T10:00:02Z"), request("a", "2026-12-07T10:00:01Z")]), true);
  list.requested(request("c", "2026-12-07T10:00:03Z"));
  list.requested(request("c", "2026-12-07T10:00:03Z"));
  assert.deepEqual(ids(list), ["a", "b", "c"]);
  list.resolved("b");
  list.resolved("nobody");
  assert.deepEqual(ids(list), ["a", "c"]);
});

test("an event during a load survives a list read before it; a resolution during a load removes a line read before it", () => {
  const list = new JoinRequestList();
  const load = list.beginLoad();
  list.requested(request("late", "2026-12-07T10:00:05Z"));
  list.resolved("gone");
  assert.equal(list.loaded(load, [request("gone", "2026-12-07T10:00:00Z"), request("kept", "2026-12-07T10:00:01Z")]), true);
  assert.deepEqual(ids(list), ["kept", "late"]);
  // Once loaded, later loads start clean: the events already applied are not replayed over a newer list.
  assert.equal(list.loaded(list.beginLoad(), [request("kept", "2026-12-07T10:00:01Z")]), true);
  assert.deepEqual(ids(list), ["kept"]);
});

test("a load overtaken by a newer one is dropped", () => {
  const list = new JoinRequestList();
  const first = list.beginLoad();
  const second = list.beginLoad();
  assert.equal(list.loaded(second, [request("new", "2026-12-07T10:00:02Z")]), true);
  assert.equal(list.loaded(first, [request("old", "2026-12-07T10:00:01Z")]), false);
  assert.deepEqual(ids(list), ["new"]);
});
