import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "../api";
import { StemText } from "../attachments/StemText";
import { strings, t } from "../i18n";
import { clearAttempt, loadFlags, loadPending, putPending, removePending, saveFlags } from "../exams/answerStore";
import { clockAt, countdown, ExamClock, noClock, timeLeft } from "../exams/examClock";
import { isUnsaved, QuestionMark, questionMarks, SaveMark, step, submitSummary, toggleFlag } from "../exams/paperNavigator";
import { p } from "../exams/paperStrings";
import { acknowledge, attemptKey, enqueue, outcomeOf, overlay, PendingAnswer, refuse, toResend, tooLate } from "../exams/pendingAnswers";
import type { AnnouncementEvent } from "../live/events.generated";
import { connectionState, LiveConnection, LiveEvent } from "../live/liveConnection";
import { StreamFollower } from "../live/streamFollower";
import { typed } from "../live/typedEvent";
import { nextCommand, session } from "../session";
import { useSignal } from "../signal";
import { ErrorLine } from "./ErrorLine";

export interface Question {
  id: string;
  kind: "single" | "multiple" | "truefalse" | "fill" | "short";
  points: number;
  stem: string;
  options: { id: string; text: string }[];
  blanks: number;
}
interface Attempt {
  status: "active" | "paused" | "submitted";
  paper: Question[];
  answers: Record<string, unknown>;
  deadline: string | null;
  serverNow: string;
  submittedAt: string | null;
  submitReason?: string;
  submitCause?: string;
  stream: string;
  seq: number;
  examStream: string;
  examSeq: number;
}

/** A save the server has acknowledged, at the time it gave (none for an answer that came with the attempt's view). */
type Saved = { savedAt?: string };

/** A retry after the server could not store a save while the connection stayed up. */
const retryAfterMs = 3000;

/**
 * A student's exam over /hubs/exam (PROTOCOL §5): StartAttempt starts or resumes (saved answers, same deadline), every
 * answer is saved at once and shows when it is durable, the countdown runs on the server's clock, and the server's
 * own submission at the deadline is announced. An answer the server has not acknowledged is kept in IndexedDB with
 * its command id and sent again with the same id after a reconnect, a reload or a crashed tab; at the deadline the
 * unsent ones are dropped and said so. A navigator jumps between questions and shows which are unanswered, flagged
 * for review (kept in the browser too) or not yet saved; the confirmation before submitting lists them.
 */
export function ExamTake({ examId }: { examId: string }) {
  const key = attemptKey(session.get()?.user.userId ?? "", examId);
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [answers, setAnswers] = useState<Record<string, unknown>>({});
  const [saved, setSaved] = useState<Record<string, Saved>>({});
  const [queue, setQueue] = useState<PendingAnswer[]>([]);
  const [flags, setFlags] = useState<string[]>([]);
  const [current, setCurrent] = useState<string | null>(null);
  const [submitReason, setSubmitReason] = useState<string | null>(null);
  /** The proctor's reason for collecting the paper, when they gave one. */
  const [submitCause, setSubmitCause] = useState<string | null>(null);
  const [pauseCause, setPauseCause] = useState<string | null>(null);
  const [announcements, setAnnouncements] = useState<AnnouncementEvent[]>([]);
  const [notice, setNotice] = useState<{ kind: "warn" | "info"; text: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const [clock, setClock] = useState(noClock);
  const [now, setNow] = useState(Date.now());
  const online = useSignal(connectionState) === "connected";
  const live = useRef<LiveConnection | null>(null);
  const timers = useRef<Record<string, number>>({});
  /** Questions typed into whose save waits for the typing to pause: a resume must not show the server's older answer. */
  const typing = useRef(new Set<string>());
  const queueRef = useRef<PendingAnswer[]>([]);
  const attemptRef = useRef<Attempt | null>(null);
  const clockRef = useRef<ExamClock>(noClock);
  const retry = useRef<number | undefined>(undefined);
  const submitButton = useRef<HTMLButtonElement>(null);

  const updateQueue = (change: (q: PendingAnswer[]) => PendingAnswer[]) => {
    queueRef.current = change(queueRef.current);
    setQueue(queueRef.current);
  };
  const updateAttempt = (change: (a: Attempt | null) => Attempt | null) => {
    attemptRef.current = change(attemptRef.current);
    setAttempt(attemptRef.current);
  };
  const updateClock = (serverNow: string, deadline: string | null) => {
    clockRef.current = clockAt(clockRef.current, serverNow, deadline, Date.now());
    setClock(clockRef.current);
  };

  /** The attempt is over: what is still unsent will never count, so the student is told which, and the browser forgets it. */
  function endQueue() {
    const lost = queueRef.current.filter((e) => !e.failure);
    if (lost.length) {
      const order = attemptRef.current?.paper.map((q) => q.id) ?? [];
      const numbers = lost.map((e) => order.indexOf(e.questionId) + 1).sort((a, b) => a - b);
      setNotice({ kind: "warn", text: p("dropped", { n: lost.length, list: numbers.join("、") }) });
    }
    updateQueue(() => []);
    setFlags([]);
    void clearAttempt(key);
  }

  function markSubmitted(submittedAt?: string) {
    updateAttempt((a) => (a ? { ...a, status: "submitted", submittedAt: submittedAt ?? a.submittedAt } : a));
    endQueue();
  }

  async function send(entry: PendingAnswer) {
    const { clientId, clientSeq, questionId, answer } = entry;
    try {
      const result = await live.current!.call<{ savedAt: string }>("SaveAnswer", examId, { clientId, clientSeq, questionId, answer });
      const newer = queueRef.current.some((e) => e.questionId === questionId && e.clientSeq !== clientSeq);
      updateQueue((q) => acknowledge(q, questionId, clientSeq));
      void removePending(key, questionId, clientSeq);
      if (!newer) setSaved((s) => ({ ...s, [questionId]: { savedAt: result.savedAt } }));
    } catch (failure) {
      const refusal = failure instanceof ApiError ? failure : new ApiError("network", String(failure));
      switch (outcomeOf(refusal.code)) {
        case "over":
          if (refusal.code === "deadline_passed") setSubmitReason((r) => r ?? "deadline");
          markSubmitted();
          break;
        case "failed": {
          const detail = { code: refusal.code, message: refusal.detail };
          updateQueue((q) => refuse(q, questionId, clientSeq, detail));
          const kept = queueRef.current.find((e) => e.questionId === questionId && e.clientSeq === clientSeq);
          if (kept) void putPending(kept);
          break;
        }
        case "retry":
          // A lost connection resends on its re-join; a refusal on a live one (storage, rate) is tried again shortly.
          if (refusal.code !== "network" && retry.current === undefined) {
            retry.current = window.setTimeout(() => {
              retry.current = undefined;
              resendAll();
            }, retryAfterMs);
          }
          break;
      }
    }
  }

  function resendAll() {
    if (attemptRef.current?.status !== "active") return;
    for (const entry of toResend(queueRef.current)) void send(entry);
  }

  useEffect(() => {
    const connection = new LiveConnection("/hubs/exam");
    live.current = connection;
    let attemptFollower: StreamFollower<unknown> | null = null;
    let examFollower: StreamFollower<unknown> | null = null;
    const stored = loadPending(key);
    let restored = false;
    void loadFlags(key).then((f) => setFlags((current) => (current.length ? current : f)));

    const start = async () => {
      const view = await connection.call<Attempt>("StartAttempt", examId);
      attemptFollower ??= new StreamFollower(connection, view.stream, examId, "SyncAttempt", {
        snapshot: () => void start(),
        event: onAttemptEvent,
      });
      examFollower ??= new StreamFollower(connection, view.examStream, examId, "Sync", {
        snapshot: () => undefined,
        event: (e) => {
          const event = typed(e, "announcement");
          if (event) setAnnouncements((a) => [...a, event.data]);
        },
      });
      attemptFollower.startAt(view.seq);
      examFollower.startAt(view.examSeq);
      if (!restored) {
        restored = true;
        const kept = await stored;
        // This tab's own saves since the load are newer than what an earlier tab left.
        for (const entry of kept) if (!queueRef.current.some((e) => e.questionId === entry.questionId)) updateQueue((q) => [...q, entry]);
        const unsent = kept.filter((e) => !e.failure).length;
        if (unsent && view.status !== "submitted") setNotice({ kind: "info", text: p("resent", { n: unsent }) });
      }
      updateAttempt(() => view);
      setAnswers((shown) => {
        const merged = overlay(view.answers ?? {}, queueRef.current);
        for (const id of typing.current) merged[id] = shown[id];
        return merged;
      });
      setSaved((s) => {
        const next = { ...s };
        for (const id of Object.keys(view.answers ?? {})) next[id] ??= {};
        return next;
      });
      updateClock(view.serverNow, view.deadline);
      setPauseCause(view.status === "paused" ? "" : null);
      if (view.status === "submitted") {
        // The server's record wins: a reopened attempt says how it was submitted, not this tab's guess.
        setSubmitReason((r) => view.submitReason ?? r ?? "student");
        setSubmitCause(view.submitCause ?? null);
        endQueue();
      } else {
        resendAll();
      }
    };

    const onAttemptEvent = (e: LiveEvent) => {
      const event = typed(e, "attempt.submitted", "attempt.paused", "attempt.resumed", "deadline.changed");
      if (!event) return;
      switch (event.type) {
        case "attempt.submitted": {
          const { reason, submittedAt, cause } = event.data;
          setSubmitReason(reason);
          setSubmitCause(cause ?? null);
          markSubmitted(submittedAt);
          break;
        }
        case "attempt.paused":
          setPauseCause(event.data.cause ?? "");
          updateAttempt((a) => (a ? { ...a, status: "paused" } : a));
          break;
        case "attempt.resumed": {
          const { serverNow, deadline } = event.data;
          setPauseCause(null);
          updateAttempt((a) => (a ? { ...a, status: "active" } : a));
          updateClock(serverNow, deadline);
          resendAll();
          break;
        }
        case "deadline.changed": {
          const { serverNow, deadline } = event.data;
          updateClock(serverNow, deadline);
          break;
        }
      }
    };

    connection.onRejoin(start);
    connection.start().then(start).catch(setError);
    const tick = setInterval(() => {
      const local = Date.now();
      setNow(local);
      // Offline past the deadline the server has submitted without these; resending them for ever would only fail.
      if (attemptRef.current?.status === "active" && queueRef.current.length && tooLate(clockRef.current.deadline, local + clockRef.current.offset)) {
        setSubmitReason((r) => r ?? "deadline");
        markSubmitted();
      }
    }, 500);
    const focus = (lost: boolean) => () =>
      // Not resent after a reconnect: a focus report is a count, and a resend could count one loss twice.
      void connection.call("ReportFocus", examId, { lost, at: new Date().toISOString() }).catch(() => undefined);
    const lose = focus(true);
    const regain = focus(false);
    addEventListener("blur", lose);
    addEventListener("focus", regain);
    return () => {
      clearInterval(tick);
      clearTimeout(retry.current);
      removeEventListener("blur", lose);
      removeEventListener("focus", regain);
      void connection.stop();
    };
  }, [examId]);

  const submitted = attempt?.status === "submitted";
  const paused = attempt?.status === "paused";

  function change(question: Question, value: unknown, debounce: boolean) {
    setAnswers((a) => ({ ...a, [question.id]: value }));
    clearTimeout(timers.current[question.id]);
    if (debounce) {
      typing.current.add(question.id);
      timers.current[question.id] = window.setTimeout(() => save(question.id, value), 400);
    } else {
      save(question.id, value);
    }
  }

  function save(questionId: string, answer: unknown) {
    typing.current.delete(questionId);
    const entry: PendingAnswer = { attempt: key, questionId, answer, ...nextCommand() };
    updateQueue((q) => enqueue(q, entry));
    // Stored before it is sent: a tab that dies while the save is on its way still has it to send again.
    void putPending(entry).then(() => send(entry));
  }

  function flag(questionId: string) {
    const next = toggleFlag(flags, questionId, attempt?.paper ?? []);
    setFlags(next);
    void saveFlags(key, next);
  }

  function jump(questionId: string) {
    setCurrent(questionId);
    const target = document.getElementById(`question-${questionId}`);
    target?.scrollIntoView({ block: "start" });
    target?.focus({ preventScroll: true });
  }

  async function submit() {
    setConfirming(false);
    try {
      const result = await live.current!.invoke<{ reason: string; submittedAt: string; cause?: string }>("Submit", examId);
      setSubmitReason(result.reason);
      setSubmitCause(result.cause ?? null);
      markSubmitted(result.submittedAt);
    } catch (failure) {
      setError(failure);
    }
  }

  if (!attempt) return <section class="card">{error ? <ErrorLine error={error} /> : <p class="muted">{t("loading")}</p>}</section>;

  const disabled = submitted || paused;
  const marks = questionMarks(attempt.paper, answers, new Set(flags), saveMarks(attempt.paper, queue, saved, online));
  const summary = submitSummary(marks);

  return (
    <div class="exam">
      <div class="exam-head">
        <div class="exam-bar">
          <span class="timer" data-testid="countdown" aria-label={t("timeLeft")}>
            {t("timeLeft")} {countdown(timeLeft(clock, now))}
          </span>
          <span class="muted">{t("answered")} {marks.filter((m) => m.answered).length}/{attempt.paper.length}</span>
          {!submitted && !confirming && (
            <button class="primary" data-testid="submit" ref={submitButton} onClick={() => setConfirming(true)}>{t("submit")}</button>
          )}
        </div>
        <Navigator marks={marks} current={current} onJump={jump} />
      </div>
      {confirming && !submitted && (
        <SubmitConfirm
          summary={summary}
          onConfirm={submit}
          onBack={() => {
            setConfirming(false);
            requestAnimationFrame(() => submitButton.current?.focus());
          }}
        />
      )}
      {submitted && (
        <div class="banner ok" role="status" data-testid="submitted-notice">
          {submitReason === "proctor" && submitCause
            ? p("collectedBecause", { cause: submitCause })
            : strings().submittedBy[submitReason ?? "student"] ?? t("submitted")}
          {attempt.submittedAt && (
            <>
              {" "}
              <time data-testid="submitted-at" dateTime={attempt.submittedAt}>{p("submittedAtLine", { time: new Date(attempt.submittedAt).toLocaleString() })}</time>
            </>
          )}
        </div>
      )}
      {notice && <div class={`banner ${notice.kind}`} role="status" data-testid="paper-notice">{notice.text}</div>}
      {paused && <div class="banner warn" role="status">{t("paused")}{pauseCause}</div>}
      {announcements.map((a) => (
        <div class="banner info" role="status">{t("announcement")}: {a.text}</div>
      ))}
      <ErrorLine error={error} />
      <ol class="questions">
        {attempt.paper.map((q, index) => {
          const mark = marks[index];
          const failure = queue.find((e) => e.questionId === q.id)?.failure;
          return (
            <li class="card question" key={q.id} data-question={q.id} data-flagged={mark.flagged ? "true" : undefined}>
              <fieldset id={`question-${q.id}`} tabIndex={-1} aria-describedby={`stem-${q.id}`} onFocusIn={() => setCurrent(q.id)}>
                <legend id={`legend-${q.id}`}>{p("legend", { n: index + 1, points: q.points })}</legend>
                <div class="q-tools">
                  <SaveBadge mark={mark} savedAt={saved[q.id]?.savedAt} failure={failure} />
                  <button
                    type="button"
                    class="flag"
                    data-action="flag"
                    aria-pressed={mark.flagged}
                    aria-label={p("flagFor", { n: index + 1 })}
                    onClick={() => flag(q.id)}
                  >
                    {mark.flagged ? `⚑ ${p("unflag")}` : p("flag")}
                  </button>
                </div>
                <p class="stem" id={`stem-${q.id}`}><StemText stem={q.stem} /></p>
                <QuestionInput question={q} n={index + 1} value={answers[q.id]} disabled={disabled} onChange={(v, debounce) => change(q, v, debounce)} />
              </fieldset>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** Per question: refused, unsent (on its way while connected, waiting otherwise), acknowledged, or never saved. */
function saveMarks(paper: Question[], queue: PendingAnswer[], saved: Record<string, Saved>, online: boolean): Record<string, SaveMark> {
  const marks: Record<string, SaveMark> = {};
  for (const q of paper) {
    const entry = queue.find((e) => e.questionId === q.id);
    marks[q.id] = entry ? (entry.failure ? "error" : online ? "saving" : "pending") : saved[q.id] ? "saved" : "none";
  }
  return marks;
}

function Navigator({ marks, current, onJump }: { marks: QuestionMark[]; current: string | null; onJump: (id: string) => void }) {
  const list = useRef<HTMLOListElement>(null);
  const moveFocus = (from: string, by: 1 | -1) => {
    const to = step(marks, from, by);
    if (to) list.current?.querySelector<HTMLButtonElement>(`[data-nav="${to}"]`)?.focus();
  };
  return (
    <nav class="navigator" aria-label={p("navigator")} data-testid="navigator">
      <p class="sr-only">{p("legendKeys")}</p>
      <ol ref={list}>
        {marks.map((m) => {
          const state = [
            m.answered ? p("stateAnswered") : p("stateUnanswered"),
            ...(m.flagged ? [p("stateFlagged")] : []),
            ...(isUnsaved(m.save) ? [p("stateUnsaved")] : []),
          ].join("，");
          return (
            <li key={m.id}>
              <button
                type="button"
                data-nav={m.id}
                data-answered={m.answered ? "true" : "false"}
                data-flagged={m.flagged ? "true" : "false"}
                data-save={m.save}
                class={`nav-q${m.answered ? " answered" : ""}${m.flagged ? " flagged" : ""}${isUnsaved(m.save) ? " unsaved" : ""}`}
                aria-label={p("goTo", { n: m.n, state })}
                aria-current={current === m.id ? "true" : undefined}
                onClick={() => onJump(m.id)}
                onKeyDown={(e) => {
                  if (e.key === "ArrowRight" || e.key === "ArrowDown") moveFocus(m.id, 1);
                  else if (e.key === "ArrowLeft" || e.key === "ArrowUp") moveFocus(m.id, -1);
                  else return;
                  e.preventDefault();
                }}
              >
                {m.n}
                {m.flagged && <span aria-hidden="true">⚑</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function SubmitConfirm({ summary, onConfirm, onBack }: { summary: ReturnType<typeof submitSummary>; onConfirm: () => void; onBack: () => void }) {
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  const list = (numbers: number[]) => numbers.join("、");
  const allDone = !summary.unanswered.length && !summary.flagged.length && !summary.unsaved.length;
  return (
    <div
      class="card submit-confirm"
      role="alertdialog"
      aria-labelledby="submit-confirm-title"
      aria-describedby="submit-confirm-body"
      data-testid="submit-confirm"
      onKeyDown={(e) => {
        if (e.key === "Escape") onBack();
      }}
    >
      <h2 id="submit-confirm-title" tabIndex={-1} ref={title}>{p("confirmTitle")}</h2>
      <div id="submit-confirm-body">
        <p>{t("confirmSubmit")}</p>
        <ul>
          {summary.unanswered.length > 0 && <li data-list="unanswered">{p("confirmUnanswered", { list: list(summary.unanswered) })}</li>}
          {summary.flagged.length > 0 && <li data-list="flagged">{p("confirmFlagged", { list: list(summary.flagged) })}</li>}
          {summary.unsaved.length > 0 && <li data-list="unsaved" class="error">{p("confirmUnsaved", { list: list(summary.unsaved) })}</li>}
          {allDone && <li data-list="done">{p("confirmAllDone")}</li>}
        </ul>
      </div>
      <div class="actions">
        <button class="primary" data-testid="confirm-submit" onClick={onConfirm}>{t("submit")}</button>
        <button data-testid="cancel-submit" onClick={onBack}>{t("back")}</button>
      </div>
    </div>
  );
}

function SaveBadge({ mark, savedAt, failure }: { mark: QuestionMark; savedAt?: string; failure?: { code: string; message: string } }) {
  switch (mark.save) {
    case "saving":
      return <span class="badge saving" data-save="saving">{t("saving")}</span>;
    case "pending":
      return <span class="badge pending" data-save="pending">{p("pending")}</span>;
    case "error":
      return <span class="badge error" data-save="error"><ErrorLine error={new ApiError(failure!.code, failure!.message)} /></span>;
    case "saved":
      return (
        <span class="badge saved" data-save="saved" data-saved-at={savedAt} title={savedAt ? p("savedAt", { time: new Date(savedAt).toLocaleTimeString() }) : undefined}>
          ✓ {t("saved")}
        </span>
      );
    default:
      return <span class="badge" data-save="none">{mark.answered ? t("notSaved") : t("unanswered")}</span>;
  }
}

export function QuestionInput({ question: q, n, value, disabled, onChange }: {
  question: Question;
  n: number;
  value: unknown;
  disabled: boolean;
  onChange: (value: unknown, debounce: boolean) => void;
}) {
  const name = `answer-${q.id}`;
  switch (q.kind) {
    case "single":
      return (
        <div class="options">
          {q.options.map((o) => (
            <label class="option">
              <input type="radio" name={name} value={o.id} checked={value === o.id} disabled={disabled} onChange={() => onChange(o.id, false)} />
              {o.text}
            </label>
          ))}
        </div>
      );
    case "multiple": {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      return (
        <div class="options">
          {q.options.map((o) => (
            <label class="option">
              <input
                type="checkbox"
                name={name}
                value={o.id}
                checked={chosen.includes(o.id)}
                disabled={disabled}
                onChange={(e) => {
                  const on = (e.target as HTMLInputElement).checked;
                  const next = q.options.map((x) => x.id).filter((id) => (id === o.id ? on : chosen.includes(id)));
                  onChange(next.length ? next : null, false);
                }}
              />
              {o.text}
            </label>
          ))}
        </div>
      );
    }
    case "truefalse":
      return (
        <div class="options">
          {[true, false].map((v) => (
            <label class="option">
              <input type="radio" name={name} value={String(v)} checked={value === v} disabled={disabled} onChange={() => onChange(v, false)} />
              {v ? t("trueLabel") : t("falseLabel")}
            </label>
          ))}
        </div>
      );
    case "fill": {
      const blanks = Array.isArray(value) ? (value as string[]) : Array.from({ length: q.blanks }, () => "");
      return (
        <div class="blanks">
          {blanks.map((text, i) => (
            <label>
              {t("blank", { n: i + 1 })}
              <input
                name={`${name}-${i}`}
                value={text}
                disabled={disabled}
                onInput={(e) => {
                  const next = [...blanks];
                  next[i] = (e.target as HTMLInputElement).value;
                  onChange(next, true);
                }}
              />
            </label>
          ))}
        </div>
      );
    }
    default:
      return (
        <textarea
          name={name}
          aria-label={p("answerFor", { n })}
          rows={5}
          maxLength={10000}
          placeholder={t("shortPlaceholder")}
          value={typeof value === "string" ? value : ""}
          disabled={disabled}
          onInput={(e) => {
            const text = (e.target as HTMLTextAreaElement).value;
            onChange(text === "" ? null : text, true);
          }}
        />
      );
  }
}
