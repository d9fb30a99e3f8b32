import assert from "node:assert/strict";
import { test } from "node:test";
import { loadTs } from "./loadTs.mjs";

const { acknowledge, attemptKey, enqueue, outcomeOf, overlay, refuse, toResend, tooLate } = await loadTs("exams/pendingAnswers.ts");

const attempt = attemptKey("s-1", "ex-1");
const entry = (questionId, clientSeq, answer, clientId = "web-a") => ({ attempt, questionId, answer, clientId, clientSeq });

test("a newer save of a question replaces its unsent one, so only the newest answer is ever resent", () => {
  let queue = enqueue([], entry("q1", 1, "a"));
  queue = enqueue(queue, entry("q2", 2, "x"));
  queue = enqueue(queue, entry("q1", 3, "b"));

  assert.deepEqual(queue.map((e) => [e.questionId, e.clientSeq, e.answer]), [["q2", 2, "x"], ["q1", 3, "b"]]);
});

test("the acknowledgement of an older save leaves the newer one of that question queued", () => {
  let queue = enqueue([], entry("q1", 1, "a"));
  queue = enqueue(queue, entry("q1", 4, "b"));

  assert.deepEqual(acknowledge(queue, "q1", 1), queue);
  assert.deepEqual(acknowledge(queue, "q1", 4), []);
});

test("resends go oldest command first and leave out refused saves", () => {
  let queue = [entry("q3", 9, "c"), entry("q1", 2, "a"), entry("q2", 5, "b"), entry("q4", 1, "d", "web-b")];
  queue = refuse(queue, "q2", 5, { code: "invalid_argument", message: "too many blanks" });

  assert.deepEqual(toResend(queue).map((e) => `${e.clientId}:${e.clientSeq}`), ["web-a:2", "web-a:9", "web-b:1"]);
  assert.equal(queue.find((e) => e.questionId === "q2").failure.code, "invalid_argument");
});

test("a refusal of an older save does not mark the newer one", () => {
  const queue = [entry("q1", 7, "b")];
  assert.deepEqual(refuse(queue, "q1", 6, { code: "invalid_argument", message: "" }), queue);
});

test("a lost connection, a storage failure and a pause are retried; a submitted attempt ends the queue; a bad answer fails", () => {
  assert.deepEqual(
    ["network", "unavailable", "conflict", "rate_limited", "deadline_passed", "closed", "invalid_argument", "forbidden"].map(outcomeOf),
    ["retry", "retry", "retry", "retry", "over", "over", "failed", "failed"],
  );
});

test("unsent answers are too late from the deadline on, on the server's clock, and never without a deadline", () => {
  const deadline = Date.parse("2026-12-01T02:00:00Z");
  assert.equal(tooLate(deadline, deadline - 1), false);
  assert.equal(tooLate(deadline, deadline), true);
  assert.equal(tooLate(0, deadline), false);
});

test("unsent answers show over the server's older ones after a reload", () => {
  const shown = overlay({ q1: "a", q2: ["x"] }, [entry("q1", 3, "b"), entry("q3", 4, true)]);
  assert.deepEqual(shown, { q1: "b", q2: ["x"], q3: true });
});

test("attempts are kept apart per student on a shared computer", () => {
  assert.notEqual(attemptKey("s-1", "ex-1"), attemptKey("s-2", "ex-1"));
});
