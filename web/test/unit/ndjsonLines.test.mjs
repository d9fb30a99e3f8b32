import assert from "node:assert/strict";
import { test } from "node:test";
import { loadTs } from "./loadTs.mjs";

const { NdjsonLines } = await loadTs("directory/ndjsonLines.ts");

const answer =
  '{"progress":{"kind":"schools","done":2,"total":5}}\n' +
  '{"progress":{"kind":"people","done":4,"total":5}}\n' +
  '{"result":{"schools":2,"people":2,"classes":0,"deactivated":0,"errors":[{"kind":"people","row":3,"field":"role","message":"学生？"}],"moreErrors":0}}\n';

test("an answer read whole gives each line once, in order", () => {
  const lines = new NdjsonLines();
  assert.deepEqual(lines.take(answer).map((line) => Object.keys(line)[0]), ["progress", "progress", "result"]);
  assert.deepEqual(lines.take(answer), []);
  assert.deepEqual(lines.finish(answer), []);
});

test("however the answer is cut as it arrives, the same lines come out, none before its newline", () => {
  const whole = new NdjsonLines().take(answer);
  // Every cut, including inside a multi-byte character's JSON escape-free text and right at a newline.
  for (let first = 0; first <= answer.length; first++) {
    for (const second of [first, Math.min(answer.length, first + 7), answer.length]) {
      const lines = new NdjsonLines();
      const seen = [...lines.take(answer.slice(0, first)), ...lines.take(answer.slice(0, second)), ...lines.finish(answer)];
      assert.deepEqual(seen, whole, `cut at ${first} and ${second}`);
      const complete = answer.slice(0, first).split("\n").length - 1;
      assert.equal(new NdjsonLines().take(answer.slice(0, first)).length, complete);
    }
  }
});

test("a last line without its newline is taken only at the finish; blank lines are skipped", () => {
  const text = '\n{"progress":{"kind":"classes","done":1,"total":1}}\n\n{"error":{"code":"unavailable","message":"db"}}';
  const lines = new NdjsonLines();
  assert.deepEqual(lines.take(text), [{ progress: { kind: "classes", done: 1, total: 1 } }]);
  assert.deepEqual(lines.finish(text), [{ error: { code: "unavailable", message: "db" } }]);
});
