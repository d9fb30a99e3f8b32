import assert from "node:assert/strict";
import { test } from "node:test";
import { loadTs } from "./loadTs.mjs";

const { emptyExam, fieldOf, fromWire, newQuestion, nextOptionId, rosterIds, toWire } = await loadTs("exams/paperForm.ts");

const questions = ["q1", "q2", "q3"].map((id) => ({ id }));

test("a server refusal is placed on the question and field it names, or on the exam field, or on the form", () => {
  // The sentences are the server's own (Grains/Exams/Papers): the mapping must follow their fixed shapes.
  assert.deepEqual(fieldOf("stem of question q2 must not be empty", questions), { question: "q2", field: "stem" });
  assert.deepEqual(fieldOf("points of question q1 must be greater than 0 and at most 100", questions), { question: "q1", field: "points" });
  assert.deepEqual(fieldOf("options[3].text of question q1 must not be empty", questions), { question: "q1", field: "options" });
  assert.deepEqual(fieldOf("answer[1] of question q3 must be a non-empty array of accepted answers", questions), { question: "q3", field: "answer" });
  assert.deepEqual(fieldOf("partialPoints of question q2 must be less than points", questions), { question: "q2", field: "partialPoints" });
  assert.deepEqual(fieldOf("id of questions[2] must not be empty", questions), { question: "q3", field: "id" });
  assert.deepEqual(fieldOf("question id q1 is used more than once", questions), { question: "q1", field: "id" });
  assert.deepEqual(fieldOf("durationMinutes must be from 1 to 600", questions), { field: "durationMinutes" });
  assert.deepEqual(fieldOf("lateJoinMinutes must be from 0 to durationMinutes (30)", questions), { field: "lateJoinMinutes" });
  assert.deepEqual(fieldOf("roster lists student s-1 more than once", questions), { field: "roster" });
  assert.deepEqual(fieldOf("marking.tolerance must be from 0 to 100 points with at most 2 decimal places", questions), { field: "marking" });
  assert.deepEqual(fieldOf("questions must hold at least one question", questions), { field: "questions" });
  assert.deepEqual(fieldOf("an exam has at most 200 questions", questions), { field: "questions" });
  assert.equal(fieldOf("the exam must be a JSON object", questions), null);
  assert.equal(fieldOf("opensAt (plus the late-join minutes) has passed; move the exam", questions)?.field, "opensAt");
});

test("a roster is pasted one id a line or separated by commas of either width", () => {
  assert.deepEqual(rosterIds(" s-1\ns-2, s-3，s-4\r\n\n s-5 ;s-6 "), ["s-1", "s-2", "s-3", "s-4", "s-5", "s-6"]);
  assert.deepEqual(rosterIds("  \n , "), []);
});

test("the form writes each kind's key in the protocol's shape and reads it back unchanged", () => {
  const draft = { ...emptyExam(), title: "测验", subject: "信息技术", roster: "s-1\ns-2", durationMinutes: "30", lateJoinMinutes: "10" };
  const kinds = ["single", "multiple", "truefalse", "fill", "short"];
  for (const kind of kinds) draft.questions = [...draft.questions, newQuestion(kind, draft.questions)];
  const [single, multiple, truefalse, fill, short] = draft.questions;
  single.options = single.options.slice(0, 3).map((o, i) => ({ ...o, text: `选项${i}`, correct: o.id === "b" }));
  multiple.options = multiple.options.map((o) => ({ ...o, text: o.id, correct: o.id === "a" || o.id === "d" }));
  multiple.partialPoints = "1";
  truefalse.truth = false;
  fill.blanks = ["3 | 三 ", "90° |90"];
  short.reference = "  ";

  const wire = toWire(draft);
  assert.deepEqual(wire.questions.map((q) => q.id), ["q1", "q2", "q3", "q4", "q5"]);
  assert.equal(wire.questions[0].answer, "b");
  assert.deepEqual(wire.questions[0].options.map((o) => o.id), ["a", "b", "c"]);
  assert.deepEqual(wire.questions[1].answer, ["a", "d"]);
  assert.equal(wire.questions[1].partialPoints, 1);
  assert.equal(wire.questions[2].answer, false);
  assert.deepEqual(wire.questions[3].answer, [["3", "三"], ["90°", "90"]]);
  assert.equal(wire.questions[4].answer, undefined);
  assert.equal(wire.questions[4].reference, undefined, "a blank reference is left out");
  assert.deepEqual(wire.roster, ["s-1", "s-2"]);
  assert.deepEqual(wire.marking, { mode: "single" });
  assert.equal(new Date(wire.opensAt).getTime(), new Date(draft.opensAt).getTime());

  const view = { ...wire, id: "ex-1", status: "draft", maxScore: 20, markers: [], marking: { mode: "single", tolerance: 0 } };
  const back = fromWire(view);
  assert.deepEqual(toWire(back).questions, wire.questions);
  assert.equal(back.opensAt, draft.opensAt);
});

test("a blank number is sent as absent, so the server names the missing field instead of reading zero", () => {
  const draft = { ...emptyExam(), durationMinutes: " " };
  draft.questions = [{ ...newQuestion("truefalse", []), points: "" }];
  const wire = toWire(draft);
  assert.equal(wire.durationMinutes, undefined);
  assert.equal(wire.questions[0].points, undefined);
});

test("new questions and options take the next free id, whatever was deleted or reordered", () => {
  const existing = [{ id: "q2" }, { id: "q1" }];
  assert.equal(newQuestion("short", existing).id, "q3");
  assert.equal(newQuestion("short", [{ id: "q3" }]).id, "q2");
  const options = newQuestion("single", []).options.filter((o) => o.id !== "b");
  assert.deepEqual(options.map((o) => o.id), ["a", "c", "d"]);
  assert.equal(nextOptionId(options), "b");
  assert.equal(nextOptionId([...options, { id: "b" }]), "e");
});

test("double marking sends its tolerance and the other markers, and reads them back", () => {
  const draft = { ...emptyExam(), doubleMarking: true, tolerance: "1.5", markers: "t-1, t-2\nt-3" };
  const wire = toWire(draft);
  assert.deepEqual(wire.marking, { mode: "double", tolerance: 1.5 });
  assert.deepEqual(wire.markers, ["t-1", "t-2", "t-3"]);
  const back = fromWire({ ...wire, id: "ex-1", status: "draft", maxScore: 0, questions: [] });
  assert.equal(back.doubleMarking, true);
  assert.equal(back.tolerance, "1.5");
  assert.deepEqual(toWire(back).markers, ["t-1", "t-2", "t-3"]);
});
