import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "../api";
import { strings, t } from "../i18n";
import { clockAt, countdown, noClock, timeLeft } from "../exams/examClock";
import type { AnnouncementEvent } from "../live/events.generated";
import { LiveConnection, LiveEvent } from "../live/liveConnection";
import { StreamFollower } from "../live/streamFollower";
import { typed } from "../live/typedEvent";
import { nextCommand } from "../session";
import { ErrorLine } from "./ErrorLine";

interface Question {
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
  stream: string;
  seq: number;
  examStream: string;
  examSeq: number;
}
type SaveState = { state: "saving" | "saved" | "error"; latest: number; savedAt?: string; error?: unknown };

/**
 * A student's exam over /hubs/exam (PROTOCOL §5): StartAttempt starts or resumes (saved answers, same deadline), every
 * answer is saved at once and shows when it is durable, the countdown runs on the server's clock, and the server's
 * own submission at the deadline is announced.
 */
export function ExamTake({ examId }: { examId: string }) {
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [answers, setAnswers] = useState<Record<string, unknown>>({});
  const [saves, setSaves] = useState<Record<string, SaveState>>({});
  const [submitReason, setSubmitReason] = useState<string | null>(null);
  const [pauseCause, setPauseCause] = useState<string | null>(null);
  const [announcements, setAnnouncements] = useState<AnnouncementEvent[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const [clock, setClock] = useState(noClock);
  const [now, setNow] = useState(Date.now());
  const live = useRef<LiveConnection | null>(null);
  const timers = useRef<Record<string, number>>({});
  const dirty = useRef(new Set<string>());
  const latestSave = useRef<Record<string, number>>({});

  useEffect(() => {
    const connection = new LiveConnection("/hubs/exam");
    live.current = connection;
    let attemptFollower: StreamFollower<unknown> | null = null;
    let examFollower: StreamFollower<unknown> | null = null;

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
      setAttempt(view);
      // Typing not yet saved stays on screen over a resume; it is being (re)sent.
      setAnswers((current) => {
        const merged = { ...(view.answers ?? {}) };
        for (const id of dirty.current) merged[id] = current[id];
        return merged;
      });
      setSaves((current) => {
        const next: Record<string, SaveState> = {};
        for (const id of Object.keys(view.answers ?? {})) next[id] = current[id]?.state === "saving" ? current[id] : { state: "saved", latest: 0 };
        return { ...current, ...next };
      });
      setClock(clockAt(noClock, view.serverNow, view.deadline, Date.now()));
      setPauseCause(view.status === "paused" ? "" : null);
      if (view.status === "submitted") setSubmitReason((r) => r ?? "student");
    };

    const onAttemptEvent = (e: LiveEvent) => {
      const event = typed(e, "attempt.submitted", "attempt.paused", "attempt.resumed", "deadline.changed");
      if (!event) return;
      switch (event.type) {
        case "attempt.submitted": {
          const { reason, submittedAt } = event.data;
          setSubmitReason(reason);
          setAttempt((a) => (a ? { ...a, status: "submitted", submittedAt } : a));
          break;
        }
        case "attempt.paused":
          setPauseCause(event.data.cause ?? "");
          setAttempt((a) => (a ? { ...a, status: "paused" } : a));
          break;
        case "attempt.resumed": {
          const { serverNow, deadline } = event.data;
          setPauseCause(null);
          setAttempt((a) => (a ? { ...a, status: "active" } : a));
          setClock((c) => clockAt(c, serverNow, deadline, Date.now()));
          break;
        }
        case "deadline.changed": {
          const { serverNow, deadline } = event.data;
          setClock((c) => clockAt(c, serverNow, deadline, Date.now()));
          break;
        }
      }
    };

    connection.onRejoin(start);
    connection.start().then(start).catch(setError);
    const tick = setInterval(() => setNow(Date.now()), 500);
    const focus = (lost: boolean) => () =>
      // Not resent after a reconnect: a focus report is a count, and a resend could count one loss twice.
      void connection.call("ReportFocus", examId, { lost, at: new Date().toISOString() }).catch(() => undefined);
    const lose = focus(true);
    const regain = focus(false);
    addEventListener("blur", lose);
    addEventListener("focus", regain);
    return () => {
      clearInterval(tick);
      removeEventListener("blur", lose);
      removeEventListener("focus", regain);
      void connection.stop();
    };
  }, [examId]);

  const submitted = attempt?.status === "submitted";
  const paused = attempt?.status === "paused";

  function change(question: Question, value: unknown, debounce: boolean) {
    setAnswers((a) => ({ ...a, [question.id]: value }));
    dirty.current.add(question.id);
    clearTimeout(timers.current[question.id]);
    if (debounce) timers.current[question.id] = window.setTimeout(() => void save(question.id, value), 400);
    else void save(question.id, value);
  }

  async function save(questionId: string, answer: unknown) {
    const command = nextCommand();
    latestSave.current[questionId] = command.clientSeq;
    setSaves((s) => ({ ...s, [questionId]: { state: "saving", latest: command.clientSeq } }));
    try {
      const { savedAt } = await live.current!.invoke<{ savedAt: string }>("SaveAnswer", examId, { ...command, questionId, answer });
      if (latestSave.current[questionId] === command.clientSeq) dirty.current.delete(questionId);
      setSaves((s) => (s[questionId]?.latest === command.clientSeq ? { ...s, [questionId]: { state: "saved", latest: command.clientSeq, savedAt } } : s));
    } catch (failure) {
      setSaves((s) => ({ ...s, [questionId]: { state: "error", latest: command.clientSeq, error: failure } }));
      if (failure instanceof ApiError && (failure.code === "deadline_passed" || failure.code === "closed")) {
        setAttempt((a) => (a ? { ...a, status: "submitted" } : a));
      }
    }
  }

  async function submit() {
    setConfirming(false);
    try {
      const result = await live.current!.invoke<{ reason: string; submittedAt: string }>("Submit", examId);
      setSubmitReason(result.reason);
      setAttempt((a) => (a ? { ...a, status: "submitted", submittedAt: result.submittedAt } : a));
    } catch (failure) {
      setError(failure);
    }
  }

  if (!attempt) return <section class="card">{error ? <ErrorLine error={error} /> : <p class="muted">{t("loading")}</p>}</section>;

  const disabled = submitted || paused;

  return (
    <div class="exam">
      <div class="exam-bar">
        <span class="timer" data-testid="countdown" aria-label={t("timeLeft")}>
          {t("timeLeft")} {countdown(timeLeft(clock, now))}
        </span>
        <span class="muted">{t("answered")} {Object.values(answers).filter(isAnswered).length}/{attempt.paper.length}</span>
        {!submitted &&
          (confirming ? (
            <span class="confirm">
              {t("confirmSubmit")}
              <button class="primary" data-testid="confirm-submit" onClick={submit}>{t("submit")}</button>
              <button onClick={() => setConfirming(false)}>{t("back")}</button>
            </span>
          ) : (
            <button class="primary" data-testid="submit" onClick={() => setConfirming(true)}>{t("submit")}</button>
          ))}
      </div>
      {submitted && (
        <div class="banner ok" role="status" data-testid="submitted-notice">
          {strings().submittedBy[submitReason ?? "student"] ?? t("submitted")}
        </div>
      )}
      {paused && <div class="banner warn" role="status">{t("paused")}{pauseCause}</div>}
      {announcements.map((a) => (
        <div class="banner info" role="status">{t("announcement")}: {a.text}</div>
      ))}
      <ErrorLine error={error} />
      <ol class="questions">
        {attempt.paper.map((q, index) => (
          <li class="card question" key={q.id} data-question={q.id}>
            <header>
              <strong>{t("question", { n: index + 1 })}</strong>
              <span class="muted">{t("points", { n: q.points })}</span>
              <SaveBadge save={saves[q.id]} answered={isAnswered(answers[q.id])} />
            </header>
            <p class="stem">{q.stem}</p>
            <QuestionInput question={q} value={answers[q.id]} disabled={disabled} onChange={(v, debounce) => change(q, v, debounce)} />
          </li>
        ))}
      </ol>
    </div>
  );
}

function isAnswered(value: unknown): boolean {
  if (value === null || value === undefined || value === "") return false;
  if (Array.isArray(value)) return value.some((v) => v !== "");
  return true;
}

function SaveBadge({ save, answered }: { save?: SaveState; answered: boolean }) {
  if (!save) return <span class="badge" data-save="none">{answered ? t("notSaved") : t("unanswered")}</span>;
  if (save.state === "saving") return <span class="badge saving" data-save="saving">{t("saving")}</span>;
  if (save.state === "error") return <span class="badge error" data-save="error"><ErrorLine error={save.error} /></span>;
  return <span class="badge saved" data-save="saved">✓ {t("saved")}</span>;
}

function QuestionInput({ question: q, value, disabled, onChange }: {
  question: Question;
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
