import assert from "node:assert/strict";
import { test } from "node:test";
import { loadTs } from "./loadTs.mjs";

const { TextOperation } = await loadTs("lessonprep/textOperation.ts");
const { ServerAnchors } = await loadTs("lessonprep/serverAnchors.ts");
const { SectionClient } = await loadTs("lessonprep/sectionClient.ts");

const insert = (length, at, text) => TextOperation.fromWire([at, text, length - at].filter((c) => c !== 0));
const cursor = (revision, anchor, head = anchor) => ({ userId: "t-2", section: "objectives", anchor, head, revision });

test("a cursor published before ops this tab already applied is moved through them", () => {
  const anchors = new ServerAnchors();
  anchors.reset(10, []);
  anchors.applied(11, "objectives", insert(8, 0, "一、"));
  anchors.applied(12, "process", insert(0, 0, "导入"));
  anchors.cursorMoved(cursor(10, 4, 6));
  assert.deepEqual({ ...anchors.cursors.get("t-2") }, { ...cursor(12, 6, 8) });
});

test("a cursor moves with later ops of its own section only, and not twice through one it already reflects", () => {
  const anchors = new ServerAnchors();
  anchors.reset(3, []);
  anchors.cursorMoved(cursor(5, 2));
  anchors.applied(5, "objectives", insert(4, 0, "x"));
  assert.equal(anchors.cursors.get("t-2").anchor, 2, "revision 5 is already in the cursor's position");
  anchors.applied(6, "process", insert(0, 0, "y"));
  assert.equal(anchors.cursors.get("t-2").anchor, 2);
  anchors.applied(7, "objectives", insert(5, 1, "zz"));
  assert.equal(anchors.cursors.get("t-2").anchor, 4);
});

test("a comment range does not widen with typing at its edges and collapses when its text is deleted", () => {
  const anchors = new ServerAnchors();
  anchors.reset(0, [{ id: "c1", section: "objectives", start: 5, end: 7, text: "?", userId: "t-2", name: "李老师", at: "", resolved: false, resolvedBy: null }]);
  anchors.applied(1, "objectives", insert(9, 5, "前"));
  anchors.applied(2, "objectives", insert(10, 8, "后"));
  assert.deepEqual([anchors.comments[0].start, anchors.comments[0].end], [6, 8]);
  anchors.applied(3, "objectives", TextOperation.fromWire([4, -6, 1]));
  assert.deepEqual([anchors.comments[0].start, anchors.comments[0].end], [4, 4]);
});

test("a server position is shown past this tab's unacknowledged edits, and whenIdle waits for their acknowledgement", async () => {
  const sent = [];
  const client = new SectionClient("【知识】【能力】", (op) => {
    const s = { clientId: "me", clientSeq: sent.length + 1, op };
    sent.push(s);
    return s;
  }, "me-user");
  client.edit("一、【知识】【能力】");
  client.edit("一、【知识】【能力】。");
  assert.equal(client.toLocal(4), 6);
  let idle = false;
  const waiting = client.whenIdle().then(() => (idle = true));
  await Promise.resolve();
  assert.equal(idle, false);
  client.applied({ ops: sent[0].op.toWire(), userId: "me-user", clientId: "me", clientSeq: 1 });
  await Promise.resolve();
  assert.equal(idle, false, "the buffered edit went out and awaits its own acknowledgement");
  client.applied({ ops: sent[1].op.toWire(), userId: "me-user", clientId: "me", clientSeq: 2 });
  await waiting;
  assert.equal(client.toLocal(4), 4);
});
