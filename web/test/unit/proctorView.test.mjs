import assert from "node:assert/strict";
import { test } from "node:test";
import { loadTs } from "./loadTs.mjs";

const { countsOf, shownLines, withLines } = await loadTs("exams/proctorView.ts");

const line = (studentId, name, status, roomId) => ({
  studentId, name, status, roomId, answered: 0, lastSeenAt: null, focusLosses: 0, deadline: null, submittedAt: null, accommodationMinutes: 0,
});
const lines = [line("s-1", "王小明", "active", "A"), line("s-2", "Li Hong", "paused", "A"), line("s-3", "张三", "submitted", "B"), line("s-4", "赵四", "absent", null)];

test("the counts are of the lines given, whatever the counts an update carried", () => {
  assert.deepEqual(countsOf(lines), { absent: 1, active: 1, paused: 1, submitted: 1 });
  assert.deepEqual(countsOf(lines.filter((l) => l.roomId === "A")), { absent: 0, active: 1, paused: 1, submitted: 0 });
});

test("the roster narrows by room, by status and by a search of id or name in any case", () => {
  const ids = (shown) => shown.map((l) => l.studentId);
  assert.deepEqual(ids(shownLines(lines, "A", "", "")), ["s-1", "s-2"]);
  assert.deepEqual(ids(shownLines(lines, "", "submitted", "")), ["s-3"]);
  assert.deepEqual(ids(shownLines(lines, "", "", "li h")), ["s-2"]);
  assert.deepEqual(ids(shownLines(lines, "", "", " S-4 ")), ["s-4"]);
  assert.deepEqual(ids(shownLines(lines, "B", "active", "")), []);
});

test("changed lines replace theirs in place and a line not seen before joins at the end", () => {
  const snapshot = { exam: {}, announcements: [], students: lines.slice(0, 2), counts: {} };
  const next = withLines(snapshot, [line("s-2", "Li Hong", "active", "A"), line("s-9", "新同学", "active", "A")]);
  assert.deepEqual(next.students.map((l) => [l.studentId, l.status]), [["s-1", "active"], ["s-2", "active"], ["s-9", "active"]]);
  assert.equal(snapshot.students[1].status, "paused");
});
