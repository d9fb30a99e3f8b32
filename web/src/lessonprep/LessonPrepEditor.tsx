import type Quill from "quill";
import Delta, { type Op } from "quill-delta";
import { useEffect, useRef, useState } from "preact/hooks";
import { rest } from "../api";
import { t } from "../i18n";
import { AttachmentsPanel } from "../attachments/AttachmentsPanel";
import { AccessLost } from "../live/AccessLost";
import { LiveConnection } from "../live/liveConnection";
import { typed } from "../live/typedEvent";
import { Joined, StreamFollower } from "../live/streamFollower";
import { nextCommand, session } from "../session";
import { useSignal } from "../signal";
import { ErrorLine } from "../screens/ErrorLine";
import "./lessonprep.css";
import { ForkOrigin } from "./ForkOrigin";
import { PlanTools } from "./PlanTools";
import { ReflectionsPanel } from "./ReflectionsPanel";
import { MarkKind, moveRichRange, paintRanges, RichRange, unpaint } from "./richComments";
import { RichCursors } from "./richCursors";
import { draftKey, loadDrafts, putDraft, removeDraft, RichDraft } from "./richDrafts";
import { RichApplied, RichSectionClient, RichSubmit } from "./richSectionClient";
import { RichSectionEditor } from "./RichSectionEditor";
import { SectionClient } from "./sectionClient";
import { colourOf, SectionEditor } from "./SectionEditor";
import { PlanComment, ServerAnchors } from "./serverAnchors";
import { s } from "./strings";
import { codePoints, splitAt, TextOperation } from "./textOperation";
import { VersionSummary, VersionsPanel } from "./VersionsPanel";

interface Section { key: string; title: string; text: string; assignee: string | null; format?: string; content?: Op[] }
interface Snapshot {
  id: string;
  groupId: string;
  title: string;
  phase: string;
  leadPreparer: string;
  forkedFrom: string | null;
  owner: string | null;
  revision: number;
  sections: Section[];
  comments: PlanComment[];
  online: string[];
}
export interface Member { userId: string; name: string; role: string }

/** Own cursor moves go out at most this often; the server publishes at most 10 a second per user anyway. */
const cursorSendMs = 100;

/**
 * The lesson-plan editor over /hubs/lessonprep (PROTOCOL §2): one OT client per section, textareas driven directly
 * (not re-rendered while typing) so the caret stays where the user put it, and moves with everyone else's edits.
 * Remote cursors and comment ranges are kept in the server's text and shown moved past this tab's unacknowledged
 * edits, on a mirror layer behind each textarea.
 */
export function LessonPrepEditor({ prepId }: { prepId: string }) {
  const me = useSignal(session)!.user;
  const [plan, setPlan] = useState<Snapshot | null>(null);
  const [members, setMembers] = useState<Member[]>([]);
  const [myRole, setMyRole] = useState<string | null>(null);
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [revoked, setRevoked] = useState(false);
  const [fileChanges, setFileChanges] = useState(0);
  const [, setTick] = useState(0);
  const redraw = () => setTick((n) => n + 1);
  const clients = useRef(new Map<string, SectionClient>());
  const areas = useRef(new Map<string, HTMLTextAreaElement>());
  const anchors = useRef(new ServerAnchors());
  const live = useRef<LiveConnection | null>(null);
  const revision = useRef(0);
  const cursorTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cursorSection = useRef<string | null>(null);
  const richClients = useRef(new Map<string, RichSectionClient>());
  const quills = useRef(new Map<string, Quill>());
  const richCursors = useRef(new RichCursors());
  /** Rich sections whose saved edits are being placed after a reload: their op.applied wait here meanwhile. */
  const restoring = useRef(new Map<string, RichApplied[]>());
  const [unplaced, setUnplaced] = useState(new Map<string, string>());
  /** Each rich section's last selection in the editor: what "comment" covers once the comment box has the focus. */
  const richSelections = useRef(new Map<string, RichRange>());
  /** The rich section whose comment box has the focus: its selection stays painted while the comment is written. */
  const composing = useRef<string | null>(null);
  const activeComments = useRef(new Map<string, string | null>());
  const unbinds = useRef<(() => void)[]>([]);
  const followerRef = useRef<StreamFollower<Snapshot> | null>(null);
  // Read by the connection's handlers, which outlive the render they were made in.
  const latest = useRef({ members, finalized: false });
  latest.current = { members, finalized: plan?.phase === "finalized" };

  useEffect(() => {
    const connection = new LiveConnection("/hubs/lessonprep");
    live.current = connection;

    // Presence may change while a Join is answered, and its event can arrive before the answer: replay it over the snapshot.
    let presenceSinceJoin = new Map<string, boolean>();
    const reset = (snapshot: Snapshot) => {
      const online = new Set(snapshot.online);
      for (const [userId, isOnline] of presenceSinceJoin) {
        if (isOnline) online.add(userId);
        else online.delete(userId);
      }
      snapshot = { ...snapshot, online: [...online] };
      revision.current = snapshot.revision;
      const text = snapshot.sections.filter((s) => s.format !== "rich");
      const rich = snapshot.sections.filter((s) => s.format === "rich");
      clients.current = new Map(text.map((s) => [s.key, new SectionClient(s.text, (op) => submit(s.key, op), me.userId)]));
      richClients.current = new Map(
        rich.map((s) => [s.key, new RichSectionClient(new Delta(s.content ?? []), snapshot.revision, (delta, base) => submitRich(s.key, delta, base), me.userId)]),
      );
      richCursors.current.reset();
      for (const s of rich) {
        const quill = quills.current.get(s.key);
        if (quill) showContent(s.key, quill);
        // A new snapshot drops edits the server never took; a reload's saved ones are being placed, keep those.
        if (!restoring.current.has(s.key)) saveDraft(s.key);
      }
      anchors.current.reset(snapshot.revision, snapshot.comments ?? []);
      for (const s of snapshot.sections) {
        const area = areas.current.get(s.key);
        if (area) area.value = s.text;
      }
      setPlan(snapshot);
    };

    const submit = (section: string, op: TextOperation) => {
      const command = nextCommand();
      connection
        .invoke("SubmitOp", prepId, { ...command, section, baseRevision: revision.current, ops: op.toWire() })
        .catch((failure) => {
          // A refused op (finalized plan, membership lost) leaves local text the server never took: start over from it.
          setError(failure);
          presenceSinceJoin = new Map();
          void connection.call<Joined<Snapshot>>("Join", prepId).then((joined) => follower.joined(joined));
        });
      return { ...command, op };
    };

    const submitRich = (section: string, delta: Delta, base: number): RichSubmit => {
      const sent = { ...nextCommand(), baseRevision: Math.max(base, revision.current), delta };
      resendRich(section, sent);
      return sent;
    };

    const resendRich = (section: string, sent: RichSubmit) => {
      const { delta, ...command } = sent;
      connection.invoke("SubmitOp", prepId, { ...command, section, delta: delta.ops }).catch((failure) => {
        // The server could not place the change (its base is no longer retained, the plan was finalized): the user's
        // text stays visible for copying, and the section starts over from the server's.
        const lost = richClients.current.get(section)?.content;
        if (lost) setUnplaced((m) => new Map(m).set(section, plainText(lost)));
        setError(failure);
        presenceSinceJoin = new Map();
        void connection.call<Joined<Snapshot>>("Join", prepId).then((joined) => follower.joined(joined));
      });
    };

    const richApplied = (d: RichApplied) => {
      const waiting = restoring.current.get(d.section);
      if (waiting) {
        waiting.push(d);
        return;
      }
      const client = richClients.current.get(d.section);
      if (!client) return;
      const local = client.applied(d);
      richCursors.current.applied(d.revision, d.section, new Delta(d.delta));
      if (local) {
        // Moved first: a focused editor reports its own shifted selection while the change is applied, which wins.
        const kept = richSelections.current.get(d.section);
        if (kept) richSelections.current.set(d.section, moveSelection(local, kept));
        // "api": Quill's history then moves this user's undo stack past the colleague's change instead of recording it.
        quills.current.get(d.section)?.updateContents(local, "api");
      }
      saveDraft(d.section);
      showCursors(d.section);
      showComments(d.section);
    };

    const follower: StreamFollower<Snapshot> = new StreamFollower<Snapshot>(connection, `lessonprep/${prepId}`, prepId, "Sync", {
      snapshot: reset,
      event: (e) => {
        const event = typed(e, "op.applied", "phase.changed", "section.assigned", "comment.added", "comment.resolved", "version.saved", "version.restored");
        if (!event) return;
        if (event.type === "op.applied") {
          const d = event.data;
          revision.current = d.revision;
          const ops = d.ops;
          if (!ops) {
            const delta = (d.delta ?? []) as Op[];
            // Comment ranges live in the server's content and move in the stream's order, placed edits or not.
            const change = new Delta(delta);
            anchors.current.moveComments(d.section, (start, end) => moveRichRange(change, start, end));
            richApplied({ ...d, delta });
            return;
          }
          const client = clients.current.get(d.section);
          anchors.current.applied(d.revision, d.section, TextOperation.fromWire(ops));
          const op = client?.applied({ ...d, ops });
          if (client && op) showRemote(d.section, client.text, op);
          redraw();
          return;
        }
        if (event.type === "version.saved" || event.type === "version.restored") {
          revision.current = Math.max(revision.current, event.data.revision);
        }
        if (event.type === "phase.changed") {
          const phase = event.data.phase;
          setPlan((p) => (p ? { ...p, phase } : p));
        } else if (event.type === "section.assigned") {
          const d = event.data;
          setPlan((p) => (p ? { ...p, sections: p.sections.map((x) => (x.key === d.section ? { ...x, assignee: d.userId } : x)) } : p));
        } else if (event.type === "comment.added") {
          anchors.current.commentAdded(event.data);
          showComments(event.data.section);
          redraw();
        } else if (event.type === "comment.resolved") {
          anchors.current.commentResolved(event.data.commentId, event.data.userId);
          for (const key of quills.current.keys()) showComments(key);
          redraw();
        } else if (event.type === "version.saved") {
          const d = event.data;
          setVersions((list) => (list.some((v) => v.versionId === d.versionId) ? list : [...list, d]));
        }
      },
      ephemeral: (e) => {
        if (e.type === "attachment.added" || e.type === "attachment.removed") setFileChanges((n) => n + 1);
        if (e.type === "access.revoked") {
          // Sent to this user alone when they left the plan's group; the server no longer sends this connection the plan.
          setRevoked(true);
          void connection.stop();
        } else if (e.type === "presence.changed") {
          presenceSinceJoin.set(e.data.userId, e.data.online);
          if (!e.data.online) {
            anchors.current.cursors.delete(e.data.userId);
            richCursors.current.left(e.data.userId);
            for (const key of quills.current.keys()) showCursors(key);
          }
          setPlan((p) => (p ? { ...p, online: e.data.online ? [...p.online.filter((u) => u !== e.data.userId), e.data.userId] : p.online.filter((u) => u !== e.data.userId) } : p));
        } else {
          const cursor = typed(e, "cursor.moved");
          if (cursor && cursor.data.userId !== me.userId) {
            if (richClients.current.has(cursor.data.section)) {
              richCursors.current.moved(cursor.data);
              showCursors(cursor.data.section);
            } else {
              anchors.current.cursorMoved(cursor.data);
              redraw();
            }
          }
        }
      },
    });

    followerRef.current = follower;

    const showRemote = (section: string, text: string, op: TextOperation) => {
      const area = areas.current.get(section);
      if (!area) return;
      const before = area.value;
      const toPoints = (utf16: number) => codePoints(before.slice(0, utf16));
      const start = TextOperation.transformIndex(toPoints(area.selectionStart), op);
      const end = TextOperation.transformIndex(toPoints(area.selectionEnd), op);
      const focused = document.activeElement === area;
      area.value = text;
      if (focused) area.setSelectionRange(splitAt(text, start)[0].length, splitAt(text, end)[0].length);
    };

    let joinedOnce = false;
    const join = async () => {
      presenceSinceJoin = new Map();
      const drafts = joinedOnce ? [] : await loadDrafts(me.userId, prepId);
      for (const draft of drafts) restoring.current.set(draft.key.slice(draftKey(me.userId, prepId, "").length), []);
      const joined = await connection.call<Joined<Snapshot>>("Join", prepId);
      if (!joinedOnce) {
        joinedOnce = true;
        follower.joined(joined);
        for (const draft of drafts) void restoreDraft(draft, joined.seq);
        rest<{ myRole: string | null; members: Member[] }>("GET", `/api/groups/${encodeURIComponent(joined.snapshot.groupId)}`).then(
          (group) => {
            setMembers(group.members);
            setMyRole(group.myRole);
          },
          setError,
        );
        rest<VersionSummary[]>("GET", `/api/lessonpreps/${encodeURIComponent(prepId)}/versions`).then(
          (list) => setVersions((live) => [...list, ...live.filter((v) => !list.some((x) => x.versionId === v.versionId))]),
          setError,
        );
      } else {
        // Keep local typing: catch up by events after the re-join; a snapshot comes only if too much was missed.
        await follower.catchUp();
      }
    };
    /**
     * Puts a reload's saved edits back over the section: the ops applied since they were saved are replayed over them
     * (Sync from the saved seq, up to the Join's), the unacknowledged command goes again as it was, and what arrived
     * meanwhile follows. Ops no longer retained leave the edits unplaceable: they are shown for copying.
     */
    const restoreDraft = async (draft: RichDraft, joinedSeq: number) => {
      const section = draft.key.slice(draftKey(me.userId, prepId, "").length);
      const fresh = richClients.current.get(section);
      let restored: RichSectionClient | null = null;
      let later: RichApplied[] = [];
      try {
        const sync = await connection.call<{ events: { seq: number; type: string; data: RichApplied }[]; snapshot?: unknown }>("Sync", prepId, draft.seq);
        const mine = (sync.snapshot ? [] : sync.events).filter((e) => e.type === "op.applied" && e.data.section === section && e.data.delta);
        if (fresh && !sync.snapshot) {
          restored = RichSectionClient.restore(
            draft.saved,
            mine.filter((e) => e.seq <= joinedSeq).map((e) => e.data),
            fresh.server,
            (delta, base) => submitRich(section, delta, base),
            me.userId,
          );
        }
        later = mine.filter((e) => e.seq > joinedSeq).map((e) => e.data);
      } catch (failure) {
        setError(failure);
      }
      const waiting = restoring.current.get(section) ?? [];
      restoring.current.delete(section);
      if (restored) {
        richClients.current.set(section, restored);
        if (restored.unacknowledged) resendRich(section, restored.unacknowledged);
      } else {
        setUnplaced((m) => new Map(m).set(section, plainText(savedContent(draft))));
        void removeDraft(draft.key);
      }
      for (const d of [...later, ...waiting].sort((a, b) => a.revision - b.revision)) richClients.current.get(section)?.applied(d);
      const quill = quills.current.get(section);
      if (quill) showContent(section, quill);
      saveDraft(section);
    };

    connection.onRejoin(join);
    connection.start().then(join).catch(setError);
    return () => {
      if (cursorTimer.current) clearTimeout(cursorTimer.current);
      for (const quill of quills.current.values()) unpaint(quill);
      for (const unbind of unbinds.current.splice(0)) unbind();
      void connection.stop();
    };
  }, [prepId]);

  /** Keeps the section's unacknowledged edits in the browser, or forgets them once the server has them all. */
  function saveDraft(section: string) {
    const key = draftKey(me.userId, prepId, section);
    const saved = richClients.current.get(section)?.save();
    if (saved) void putDraft({ key, seq: followerRef.current?.seq ?? 0, saved });
    else void removeDraft(key);
  }

  /** Sets the editor to the client's content (a snapshot, a restored draft): not an edit, and nothing to undo. */
  function showContent(section: string, quill: Quill) {
    const client = richClients.current.get(section);
    if (!client) return;
    quill.setContents(client.content, "silent");
    (quill.getModule("history") as { clear(): void }).clear();
    quill.enable(!restoring.current.has(section) && !latest.current.finalized);
    showCursors(section);
    showComments(section);
  }

  /** The section's open comments in the editor's content: the server's ranges past this tab's unsent edits. */
  function richCommentRanges(section: string): { comment: PlanComment; range: RichRange }[] {
    const client = richClients.current.get(section);
    if (!client) return [];
    return anchors.current.comments
      .filter((c) => c.section === section && !c.resolved)
      .map((comment) => {
        const from = client.toLocal(comment.start);
        return { comment, range: { index: from, length: Math.max(from, client.toLocal(comment.end, true)) - from } };
      });
  }

  /** Paints the section's comments, the one holding the caret, and the selection a comment is being written on. */
  function showComments(section: string) {
    const quill = quills.current.get(section);
    if (!quill) return;
    const ranges = richCommentRanges(section);
    const selection = richSelections.current.get(section);
    const active = selection && ranges.find(({ range }) => selection.index >= range.index && selection.index < range.index + range.length);
    const marks = new Map<MarkKind, RichRange[]>([
      ["lessonprep-comment", ranges.filter((r) => r !== active).map((r) => r.range)],
      ["lessonprep-comment-active", active ? [active.range] : []],
      ["lessonprep-comment-draft", composing.current === section && selection ? [selection] : []],
    ]);
    paintRanges(quill, marks);
    const was = activeComments.current.get(section) ?? null;
    activeComments.current.set(section, active?.comment.id ?? null);
    // The list quotes the words each comment covers now.
    if (was !== (active?.comment.id ?? null) || anchors.current.comments.some((c) => c.section === section)) redraw();
  }

  function showCursors(section: string) {
    const quill = quills.current.get(section);
    const client = richClients.current.get(section);
    if (!quill || !client) return;
    const module = quill.getModule("cursors") as {
      cursors(): { id: string }[];
      createCursor(id: string, name: string, colour: string): void;
      moveCursor(id: string, range: { index: number; length: number }): void;
      removeCursor(id: string): void;
    };
    const here = [...richCursors.current.cursors.values()].filter((c) => c.section === section);
    for (const old of module.cursors()) if (!here.some((c) => c.userId === old.id)) module.removeCursor(old.id);
    for (const cursor of here) {
      const [from, to] = [client.toLocal(Math.min(cursor.anchor, cursor.head)), client.toLocal(Math.max(cursor.anchor, cursor.head))];
      if (!module.cursors().some((c) => c.id === cursor.userId)) module.createCursor(cursor.userId, memberName(cursor.userId), colourOf(cursor.userId));
      module.moveCursor(cursor.userId, { index: from, length: to - from });
    }
  }

  function memberName(userId: string) {
    return latest.current.members.find((m) => m.userId === userId)?.name ?? userId;
  }

  function bindRich(section: string, quill: Quill) {
    quills.current.set(section, quill);
    showContent(section, quill);
    quill.on("text-change", (delta: Delta, _old: Delta, source: string) => {
      if (source !== "user") return;
      richClients.current.get(section)?.edit(delta);
      saveDraft(section);
      showCursors(section);
      showComments(section);
      richCursorMoved(section);
    });
    // Quill reports a selection a moment after the browser does; a comment box focused at once must still see it.
    const follow = () => {
      if (quill.hasFocus()) quill.getSelection();
    };
    document.addEventListener("selectionchange", follow);
    unbinds.current.push(() => document.removeEventListener("selectionchange", follow));
    quill.on("selection-change", (range: RichRange | null, _old: unknown, source: string) => {
      // Losing the focus (to the comment box) reports null: the last selection is the one to comment on.
      if (!range) return;
      richSelections.current.set(section, { index: range.index, length: range.length });
      showComments(section);
      if (source === "user") richCursorMoved(section);
    });
  }

  /** As cursorMoved, for a rich section: its selection in UTF-16 indices of the server's content. */
  function richCursorMoved(section: string) {
    cursorSection.current = section;
    if (cursorTimer.current) return;
    cursorTimer.current = setTimeout(async () => {
      const key = cursorSection.current!;
      const client = richClients.current.get(key);
      const quill = quills.current.get(key);
      if (client && quill) {
        await client.whenIdle();
        const range = quill.getSelection();
        if (range) live.current?.call("MoveCursor", prepId, { section: key, anchor: range.index, head: range.index + range.length }).catch(() => undefined);
      }
      cursorTimer.current = null;
    }, cursorSendMs);
  }

  function onInput(section: string, area: HTMLTextAreaElement) {
    clients.current.get(section)?.edit(area.value);
    redraw();
    cursorMoved(section);
  }

  /** Sends this user's selection, at most every cursorSendMs, and only once the section's edits are acknowledged. */
  function cursorMoved(section: string) {
    cursorSection.current = section;
    if (cursorTimer.current) return;
    cursorTimer.current = setTimeout(async () => {
      const key = cursorSection.current!;
      const client = clients.current.get(key);
      const area = areas.current.get(key);
      if (client && area) {
        await client.whenIdle();
        const length = codePoints(client.text);
        const at = (utf16: number) => Math.min(length, codePoints(area.value.slice(0, utf16)));
        const forward = area.selectionDirection !== "backward";
        const [anchor, head] = forward ? [area.selectionStart, area.selectionEnd] : [area.selectionEnd, area.selectionStart];
        // A cursor is a hint: one refused (the text moved under it) is simply superseded by the next.
        live.current?.call("MoveCursor", prepId, { section: key, anchor: at(anchor), head: at(head) }).catch(() => undefined);
      }
      cursorTimer.current = null;
    }, cursorSendMs);
  }

  async function command(method: string, ...args: unknown[]) {
    setError(null);
    try {
      return await live.current!.invoke<any>(method, prepId, ...args);
    } catch (failure) {
      setError(failure);
      throw failure;
    }
  }

  /** The section's selection in the server's text: waits for the section's own edits to be acknowledged first. */
  async function selection(section: string): Promise<{ start: number; end: number } | null> {
    const client = clients.current.get(section);
    const area = areas.current.get(section);
    if (!client || !area) return null;
    await client.whenIdle();
    const at = (utf16: number) => codePoints(area.value.slice(0, utf16));
    return { start: at(area.selectionStart), end: at(area.selectionEnd) };
  }

  function richQuote(section: string, comment: PlanComment): string {
    const client = richClients.current.get(section);
    if (!client) return "";
    const from = client.toLocal(comment.start);
    return plainText(client.content.slice(from, Math.max(from, client.toLocal(comment.end, true))));
  }

  if (revoked) return <AccessLost message={t("accessRevoked")} />;
  if (!plan) return <section class="card">{error ? <ErrorLine error={error} /> : <p class="muted">{t("loading")}</p>}</section>;
  const readOnly = plan.phase === "finalized";
  const canLead = me.userId === plan.leadPreparer || myRole === "leader";
  const nameOf = (userId: string) => (userId === me.userId ? s("you") : members.find((m) => m.userId === userId)?.name ?? userId);
  return (
    <div class="lessonprep">
      <section class="card wide plan">
        <button class="link" onClick={() => history.back()}>← {t("back")}</button>
        <h1>{plan.title}</h1>
        <ForkOrigin plan={plan} />
        <p class="muted">
          {t("phase")}: <span data-testid="phase">{t(`phase_${plan.phase}` as any) || plan.phase}</span> · {t("online")} {plan.online.length}
          {plan.online.length > 0 && <span class="online-names">（{plan.online.map(nameOf).join("、")}）</span>}
        </p>
        {readOnly && <p class="notice" role="status" data-testid="finalized-notice">{s("finalizedNotice")}</p>}
        <PlanTools
          prepId={prepId}
          title={plan.title}
          phase={plan.phase}
          canLead={canLead}
          canFork={readOnly && me.role === "teacher"}
          setPhase={(phase) => void command("SetPhase", phase).catch(() => undefined)}
          onError={setError}
        />
        <ErrorLine error={error} />
        {plan.sections.map((section) => {
          if (section.format === "rich") {
            return (
              <RichSectionEditor
                key={section.key}
                planId={prepId}
                section={section}
                readOnly={readOnly}
                canAssign={canLead && !readOnly}
                members={members}
                nameOf={nameOf}
                assign={(userId) => void command("AssignSection", section.key, userId).catch(() => undefined)}
                bind={(quill) => bindRich(section.key, quill)}
                unplaced={unplaced.get(section.key) ?? null}
                comments={anchors.current.comments.filter((c) => c.section === section.key)}
                quote={(c) => richQuote(section.key, c)}
                activeComment={activeComments.current.get(section.key) ?? null}
                addComment={async (text) => {
                  await richClients.current.get(section.key)?.whenIdle();
                  // Idle, the editor's content is the server's as this tab knows it: the selection is in its units.
                  const range = richSelections.current.get(section.key);
                  if (!range || range.length === 0) return false;
                  await command("AddComment", { ...nextCommand(), section: section.key, start: range.index, end: range.index + range.length, text });
                  return true;
                }}
                resolveComment={(id) => void command("ResolveComment", id).catch(() => undefined)}
                pickComment={(c) => {
                  const found = richCommentRanges(section.key).find((r) => r.comment.id === c.id);
                  if (found) quills.current.get(section.key)?.setSelection(found.range.index, found.range.length, "user");
                }}
                composing={(focused) => {
                  composing.current = focused ? section.key : null;
                  showComments(section.key);
                }}
                onError={setError}
              />
            );
          }
          const client = clients.current.get(section.key);
          return (
            <SectionEditor
              key={section.key}
              section={section}
              text={client?.text ?? section.text}
              toLocal={(at, follow) => client?.toLocal(at, follow) ?? at}
              cursors={[...anchors.current.cursors.values()].filter((c) => c.section === section.key)}
              comments={anchors.current.comments.filter((c) => c.section === section.key)}
              readOnly={readOnly}
              canAssign={canLead && !readOnly}
              members={members}
              nameOf={nameOf}
              bindArea={(el) => {
                if (!areas.current.has(section.key)) {
                  el.value = client?.text ?? section.text;
                  areas.current.set(section.key, el);
                }
              }}
              onInput={(area) => onInput(section.key, area)}
              onSelect={() => cursorMoved(section.key)}
              assign={(userId) => void command("AssignSection", section.key, userId).catch(() => undefined)}
              addComment={async (text) => {
                const range = await selection(section.key);
                if (!range || range.start === range.end) return false;
                await command("AddComment", { ...nextCommand(), section: section.key, ...range, text });
                return true;
              }}
              resolveComment={(id) => void command("ResolveComment", id).catch(() => undefined)}
            />
          );
        })}
      </section>
      <ReflectionsPanel plan={plan} live={live.current} />
      <VersionsPanel
        prepId={prepId}
        versions={versions}
        canRestore={canLead && !readOnly}
        nameOf={nameOf}
        save={(label) => command("SaveVersion", label)}
        restore={(versionId) => command("RestoreVersion", versionId)}
        onError={setError}
      />
      <AttachmentsPanel owner={`lessonprep/${prepId}`} nameOf={nameOf} changes={fileChanges} />
    </div>
  );
}

/** A rich content's words alone, for the user to copy when their edits could not be placed. */
function plainText(content: Delta): string {
  return content.ops.map((op) => (typeof op.insert === "string" ? op.insert : "")).join("");
}

function savedContent(draft: RichDraft): Delta {
  let content = new Delta(draft.saved.server);
  if (draft.saved.inFlight) content = content.compose(new Delta(draft.saved.inFlight.now));
  if (draft.saved.pending) content = content.compose(new Delta(draft.saved.pending));
  return content;
}

/** A saved selection moved through a colleague's change applied to the editor. */
function moveSelection(change: Delta, range: RichRange): RichRange {
  const index = change.transformPosition(range.index);
  return { index, length: Math.max(0, change.transformPosition(range.index + range.length) - index) };
}
