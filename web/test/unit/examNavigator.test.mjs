import assert from "node:assert/strict";
import { test } from "node:test";
import { loadTs } from "./loadTs.mjs";

const { isAnswered, questionMarks, step, submitSummary, toggleFlag } = await loadTs("exams/paperNavigator.ts");

const paper = [{ id: "q3" }, { id: "q1" }, { id: "q2" }, { id: "q5" }];

test("marks number the questions in the student's order with answered, flagged and save state", () => {
  const marks = questionMarks(paper, { q3: "b", q1: ["", ""], q5: null, q2: ["a"] }, new Set(["q1"]), { q3: "saved", q2: "pending" });

  assert.deepEqual(marks, [
    { id: "q3", n: 1, answered: true, flagged: false, save: "saved" },
    { id: "q1", n: 2, answered: false, flagged: true, save: "none" },
    { id: "q2", n: 3, answered: true, flagged: false, save: "pending" },
    { id: "q5", n: 4, answered: false, flagged: false, save: "none" },
  ]);
});

test("false is an answer; empty text, empty blanks and a cleared choice are not", () => {
  assert.deepEqual([false, true, "x", ["", "8"]].map(isAnswered), [true, true, true, true]);
  assert.deepEqual([null, undefined, "", ["", ""]].map(isAnswered), [false, false, false, false]);
});

test("a flag toggles and the list stays in paper order", () => {
  let flags = toggleFlag([], "q5", paper);
  flags = toggleFlag(flags, "q3", paper);
  assert.deepEqual(flags, ["q3", "q5"]);
  assert.deepEqual(toggleFlag(flags, "q5", paper), ["q3"]);
});

test("the confirmation lists unanswered, flagged and unsaved questions by number", () => {
  const marks = questionMarks(paper, { q3: "b", q2: ["a"], q5: "text" }, new Set(["q2", "q3"]), {
    q3: "saved",
    q2: "error",
    q5: "saving",
  });

  assert.deepEqual(submitSummary(marks), { unanswered: [2], flagged: [1, 3], unsaved: [3, 4] });
});

test("arrow keys step through the questions and wrap at both ends", () => {
  const marks = questionMarks(paper, {}, new Set(), {});
  assert.equal(step(marks, "q3", 1), "q1");
  assert.equal(step(marks, "q5", 1), "q3");
  assert.equal(step(marks, "q3", -1), "q5");
  assert.equal(step(marks, null, -1), "q5");
  assert.equal(step([], null, 1), null);
});
