import assert from "node:assert/strict";
import { test } from "node:test";
import { loadTs } from "./loadTs.mjs";

const { clockAt, countdown, noClock, timeLeft } = await loadTs("exams/examClock.ts");

const local = Date.parse("2026-12-01T01:00:00Z");

test("the countdown runs on the server's clock, whatever this machine's says", () => {
  const clock = clockAt(noClock, "2026-12-01T01:00:05Z", "2026-12-01T02:00:05Z", local);
  assert.deepEqual(clock, { offset: 5000, deadline: Date.parse("2026-12-01T02:00:05Z") });
  assert.equal(timeLeft(clock, local), 60 * 60_000);
  assert.equal(timeLeft(clock, local + 59 * 60_000 + 30_000), 30_000);
  assert.equal(timeLeft(clock, local + 61 * 60_000), 0);
});

test("a deadline.changed with a null deadline keeps the deadline there is, and never shows NaN", () => {
  const started = clockAt(noClock, "2026-12-01T01:00:00Z", "2026-12-01T01:45:00Z", local);
  const extendedEarly = clockAt(started, "2026-12-01T01:10:00Z", null, local + 10 * 60_000);

  assert.equal(extendedEarly.deadline, started.deadline);
  assert.equal(extendedEarly.offset, 0);
  assert.equal(countdown(timeLeft(extendedEarly, local + 10 * 60_000)), "35:00");

  const notStarted = clockAt(noClock, "2026-12-01T01:00:00Z", null, local);
  assert.deepEqual(notStarted, { offset: 0, deadline: 0 });
  assert.equal(countdown(timeLeft(notStarted, local)), "00:00");
});

test("what does not parse leaves the clock as it was", () => {
  const started = clockAt(noClock, "2026-12-01T01:00:03Z", "2026-12-01T01:30:00Z", local);
  assert.deepEqual(clockAt(started, "not a time", "also not", local + 1000), started);
});

test("the countdown shows minutes and seconds, minutes past 99 in full", () => {
  assert.equal(countdown(0), "00:00");
  assert.equal(countdown(999), "00:00");
  assert.equal(countdown(61_000), "01:01");
  assert.equal(countdown(600 * 60_000), "600:00");
});
