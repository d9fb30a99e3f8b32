import { useEffect, useState } from "preact/hooks";
import { ApiError, rest } from "../api";
import { StemText } from "../attachments/StemText";
import { t } from "../i18n";
import { PointsField, QuestionPicker } from "../marking/MarkingParts";
import { useMarkingQueue } from "../marking/useMarkingQueue";
import { navigate } from "../router";
import { session } from "../session";
import { ErrorLine } from "../screens/ErrorLine";
import { ExamView } from "./paperForm";
import { x } from "./strings";
import "./exams.css";

interface Task { attemptRef: string; questionId: string; stem: string; maxPoints: number; answer: string; reference: string | null; arbitration: boolean }
interface Progress { questionId: string; answers: number; settled: number; awaitingArbitration: number }
interface Recorded { attemptRef: string; questionId: string; points: number; final: number | null }

/**
 * Online marking (PROTOCOL §5): per short-answer question, one anonymous answer at a time from marking/next, a mark
 * within 0–max, then the next, until the queue is empty. An arbitration task (double marking) says so.
 */
export function ExamMarking({ examId }: { examId: string }) {
  const id = encodeURIComponent(examId);
  const [exam, setExam] = useState<ExamView | null>(null);
  const [typedQuestion, setTypedQuestion] = useState("");
  const [progress, setProgress] = useState<Progress | null>(null);
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  const [readsPaper, setReadsPaper] = useState(true);
  const queue = useMarkingQueue<Task>({
    next: async (qid) => {
      const [nextTask, nextProgress] = await Promise.all([
        rest<Task | undefined>("GET", `/api/exams/${id}/marking/next?questionId=${encodeURIComponent(qid)}`),
        rest<Progress>("GET", `/api/exams/${id}/marking/progress?questionId=${encodeURIComponent(qid)}`),
      ]);
      setProgress(nextProgress);
      return nextTask ?? null;
    },
    mark: async (task, points) => {
      setRecorded(await rest<Recorded>("POST", `/api/exams/${id}/marks`, { attemptRef: task.attemptRef, questionId: task.questionId, points }));
    },
    maxPoints: (task) => task.maxPoints,
    questionOf: (task) => task.questionId,
  });
  const { questionId, task } = queue;

  useEffect(() => {
    rest<ExamView>("GET", `/api/exams/${id}`).then(setExam, (failure) => {
      // Markers other than the author may mark but not read the paper: a teacher refused it names the question instead.
      if (failure instanceof ApiError && failure.code === "forbidden" && session.get()?.user.role === "teacher") setReadsPaper(false);
      else queue.setError(failure);
    });
  }, [id]);

  function pick(qid: string) {
    setRecorded(null);
    queue.pick(qid);
  }

  const shorts = exam?.questions.filter((q) => q.kind === "short") ?? [];
  return (
    <section class="card wide exam-author" data-testid="marking">
      <a class="link" href="/" onClick={(e) => { e.preventDefault(); navigate("/"); }}>← {t("back")}</a>
      <h1>{x("marking")}{exam ? ` · ${exam.title}` : ""}</h1>
      {exam && shorts.length === 0 && <p class="muted">{x("noShortQuestions")}</p>}
      <QuestionPicker questions={shorts} current={questionId} label={x("pickQuestion")} onPick={pick} />
      {!readsPaper && (
        <form class="form inline" onSubmit={(e) => { e.preventDefault(); if (typedQuestion.trim()) pick(typedQuestion.trim()); }}>
          <label>{x("questionCol")}<input name="questionId" value={typedQuestion} onInput={(e) => setTypedQuestion((e.target as HTMLInputElement).value)} /></label>
          <button type="submit" class="primary">{x("nextAnswer")}</button>
        </form>
      )}
      {progress && (
        <p class="muted" data-testid="marking-progress">
          {x("progress", { answers: progress.answers, settled: progress.settled, arbitration: progress.awaitingArbitration })}
        </p>
      )}
      {recorded && (
        <p class="banner ok" role="status" data-testid="mark-recorded">
          {recorded.final == null ? x("markPending", { points: recorded.points }) : x("markFinal", { points: recorded.points, final: recorded.final })}
        </p>
      )}
      {questionId && task === null && (
        <div class="queue-empty" data-testid="queue-empty">
          <p>{x("queueEmpty")}</p>
          <button type="button" disabled={queue.busy} onClick={() => queue.next(questionId)}>{x("nextAnswer")}</button>
        </div>
      )}
      {task && (
        <form class="mark-task form" data-testid="marking-task" data-ref={task.attemptRef} onSubmit={queue.mark}>
          {task.arbitration && <p class="banner info" data-testid="arbitration">{x("arbitration")}</p>}
          <p class="stem"><StemText stem={task.stem} /></p>
          <div class="mark-columns">
            <div>
              <h3>{x("anonymousAnswer", { ref: task.attemptRef.slice(0, 8) })}</h3>
              <p class="answer-text" data-testid="marking-answer">{task.answer || x("emptyAnswer")}</p>
            </div>
            {task.reference && (
              <div>
                <h3>{x("referenceAnswer")}</h3>
                <p class="answer-text muted">{task.reference}</p>
              </div>
            )}
          </div>
          <PointsField label={x("givePoints", { max: task.maxPoints })} outOfRange={x("pointsOutOfRange", { max: task.maxPoints })}
            points={queue.points} invalid={queue.invalid} onInput={queue.setPoints} />
          <button type="submit" class="primary" disabled={queue.busy}>{x("submitMark")}</button>
        </form>
      )}
      <ErrorLine error={queue.error} />
    </section>
  );
}
