import assert from "node:assert/strict";
import { test } from "node:test";
import Delta from "quill-delta";
import { loadTs } from "./loadTs.mjs";

const { moveRichRange } = await loadTs("lessonprep/richComments.ts");

// A comment on "浮力" (2..4) of "理解浮力原因\n", as RichSectionChange.Move moves it on the server.
const range = { start: 2, end: 4 };
const move = (change) => moveRichRange(change, range.start, range.end);

test("text typed before a rich comment moves it, and text typed at either edge stays outside it", () => {
  assert.deepEqual(move(new Delta().insert("一、")), { start: 4, end: 6 });
  assert.deepEqual(move(new Delta().retain(2).insert("的")), { start: 3, end: 5 });
  assert.deepEqual(move(new Delta().retain(4).insert("的")), { start: 2, end: 4 });
  assert.deepEqual(move(new Delta().retain(3).insert("x")), { start: 2, end: 5 });
});

test("deleting a rich comment's words collapses it, and a format change leaves it where it is", () => {
  assert.deepEqual(move(new Delta().retain(1).delete(4)), { start: 1, end: 1 });
  assert.deepEqual(move(new Delta().retain(2).retain(2, { bold: true })), range);
});
