import assert from "node:assert/strict";
import { test } from "node:test";
import Delta from "quill-delta";
import { loadTs } from "./loadTs.mjs";

const { RichCursors } = await loadTs("lessonprep/richCursors.ts");

const cursor = (userId, section, anchor, head, revision) => ({ userId, section, anchor, head, revision });

test("a colleague's caret moves with every change applied to its section after it, and not with other sections'", () => {
  const cursors = new RichCursors();
  cursors.moved(cursor("li", "process", 2, 4, 5));
  cursors.applied(6, "process", new Delta().insert("𝑥"));
  cursors.applied(7, "objectives", new Delta().insert("不相干"));
  assert.deepEqual(cursors.cursors.get("li"), cursor("li", "process", 4, 6, 6), "a surrogate pair counts 2 UTF-16 units");
});

test("a caret published before changes this tab has already applied is moved through them", () => {
  const cursors = new RichCursors();
  cursors.applied(3, "process", new Delta().insert("ab"));
  cursors.applied(4, "process", new Delta().retain(1).insert({ formula: "x^2" }));
  cursors.moved(cursor("li", "process", 1, 1, 3));
  assert.deepEqual(cursors.cursors.get("li"), cursor("li", "process", 2, 2, 4), "an embed counts 1");
  cursors.left("li");
  assert.equal(cursors.cursors.size, 0);
});
