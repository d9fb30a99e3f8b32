import assert from "node:assert/strict";
import { test } from "node:test";
import { loadTs } from "./loadTs.mjs";

const { applyClassroomEvent, applyClassPresence, answerText } = await loadTs("classroom/classroomState.ts");
const { toQuestion, withoutEmptyKey } = await loadTs("classroom/questionDraft.ts");

const view = {
  title: "一次函数", subject: "数学", status: "live", hostId: "t", hostName: "王老师", role: "student", myClassId: "c-a",
  classes: [{ classId: "c-a", name: "A", schoolName: "S", teacherId: "ta", studentCount: 2, online: 0 }],
  question: null, myAnswer: null, tally: null,
};
const question = { id: "q1", kind: "single", stem: "?", options: [{ id: "a", text: "1" }, { id: "b", text: "2" }], blanks: 0, status: "open" };
const event = (type, data) => ({ stream: "classroom/cr", seq: 1, type, at: "", data });

test("a pushed question replaces the last, with no answer of mine and no tally", () => {
  const before = { ...view, myAnswer: "a", tally: { questionId: "q0", total: { answered: 1, correct: 1 } } };
  const after = applyClassroomEvent(before, event("question.pushed", { question, pushedAt: "" }));
  assert.deepEqual([after.question, after.myAnswer, after.tally], [question, null, null]);
});

test("my recorded answer, the close and the reveal apply to the current question only", () => {
  let v = applyClassroomEvent(view, event("question.pushed", { question, pushedAt: "" }));
  v = applyClassroomEvent(v, event("answer.recorded", { questionId: "q0", studentId: "s", classId: "c-a", answer: "a", at: "" }));
  assert.equal(v.myAnswer, null);
  v = applyClassroomEvent(v, event("answer.recorded", { questionId: "q1", studentId: "s", classId: "c-a", answer: "b", at: "" }));
  assert.equal(v.myAnswer, "b");
  v = applyClassroomEvent(v, event("question.closed", { questionId: "q1", at: "" }));
  assert.equal(v.question.status, "closed");
  v = applyClassroomEvent(v, event("answer.revealed", { questionId: "q1", answer: "b", total: { answered: 3, correct: 2 } }));
  assert.deepEqual([v.question.status, v.question.answer, v.tally], ["revealed", "b", { questionId: "q1", total: { answered: 3, correct: 2 } }]);
  assert.equal(applyClassPresence(v, "c-a", 2).classes[0].online, 2);
});

test("the host's draft becomes a question of its kind with option ids a, b, c and its key", () => {
  assert.deepEqual(toQuestion({ kind: "single", stem: " 斜率 ", options: "1\n\n2\n3", key: "B" }, "q1"),
    { id: "q1", kind: "single", stem: "斜率", options: [{ id: "a", text: "1" }, { id: "b", text: "2" }, { id: "c", text: "3" }], answer: "b" });
  assert.deepEqual(toQuestion({ kind: "multiple", stem: "s", options: "x\ny", key: "a，b" }, "q2").answer, ["a", "b"]);
  assert.equal(toQuestion({ kind: "truefalse", stem: "s", options: "", key: "对" }, "q3").answer, true);
  assert.equal(toQuestion({ kind: "truefalse", stem: "s", options: "", key: "错" }, "q3").answer, false);
  assert.deepEqual(toQuestion({ kind: "fill", stem: "s", options: "", key: "3|三；4" }, "q4").answer, [["3", "三"], ["4"]]);
  assert.equal("answer" in withoutEmptyKey(toQuestion({ kind: "single", stem: "s", options: "1\n2", key: " " }, "q5")), false);
  assert.equal(answerText("fill", [["3", "三"]], String), "3 / 三");
  assert.equal(answerText("truefalse", false, (v) => (v ? "对" : "错")), "错");
});
