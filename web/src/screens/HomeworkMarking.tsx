import { useEffect, useState } from "preact/hooks";
import { rest } from "../api";
import { navigate } from "../router";
import { nextCommand } from "../session";
import { homeworkPath, HomeworkView, MarkingTask } from "../homework/homeworkWire";
import { Refusal } from "../homework/Refusal";
import { hw } from "../homework/strings";
import { PointsField, QuestionPicker } from "../marking/MarkingParts";
import { useMarkingQueue } from "../marking/useMarkingQueue";
import "../exams/exams.css";
import "../homework/homework.css";

/**
 * Marking a homework's short answers (PROTOCOL §8): each class's own teacher is offered only their own students'
 * answers, one at a time from marking/next, gives points and moves on until none is left.
 */
export function HomeworkMarking({ homeworkId }: { homeworkId: string }) {
  const id = encodeURIComponent(homeworkId);
  const [view, setView] = useState<HomeworkView | null>(null);
  const queue = useMarkingQueue<MarkingTask>({
    next: async (qid) => (await rest<MarkingTask | undefined>("GET", `/api/homework/${id}/marking/next?questionId=${encodeURIComponent(qid)}`)) ?? null,
    mark: (task, points) => rest("POST", `/api/homework/${id}/marks`, { studentId: task.studentId, questionId: task.questionId, points, ...nextCommand() }),
    maxPoints: (task) => task.points,
    questionOf: (task) => task.questionId,
  });
  const { questionId, task } = queue;

  useEffect(() => {
    rest<HomeworkView>("GET", `/api/homework/${id}`).then(setView, queue.setError);
  }, [id]);

  const shorts = view?.questions.filter((q) => q.kind === "short") ?? [];
  return (
    <section class="card wide exam-author" data-testid="homework-marking">
      <a class="link" href={homeworkPath(homeworkId)} onClick={(e) => { e.preventDefault(); navigate(homeworkPath(homeworkId)); }}>← {hw("back")}</a>
      <h1>{hw("marking")}{view ? ` · ${view.title}` : ""}</h1>
      {view && shorts.length === 0 && <p class="muted">{hw("noShort")}</p>}
      <QuestionPicker questions={shorts} current={questionId} label={hw("pickQuestion")} onPick={queue.pick} />
      {questionId && task === null && <p class="banner ok" data-testid="marking-done">{hw("allMarked")}</p>}
      {task && (
        <form class="mark-task form" data-testid="homework-marking-task" data-student={task.studentId} data-class={task.classId} onSubmit={queue.mark}>
          <p class="muted" data-testid="marking-remaining" data-remaining={task.remaining}>{hw("remaining", { n: task.remaining })}</p>
          <p class="stem">{task.stem}</p>
          <div class="mark-columns">
            <div>
              <h3>{hw("studentAnswer", { name: task.name, classId: task.classId })}</h3>
              <p class="answer-text" data-testid="marking-answer">{task.answer}</p>
            </div>
            {task.reference && (
              <div>
                <h3>{hw("reference")}</h3>
                <p class="answer-text muted">{task.reference}</p>
              </div>
            )}
          </div>
          <PointsField label={hw("givePoints", { max: task.points })} outOfRange={hw("pointsOutOfRange", { max: task.points })}
            points={queue.points} invalid={queue.invalid} onInput={queue.setPoints} />
          <button type="submit" class="primary" data-testid="submit-mark" disabled={queue.busy}>{hw("submitMark")}</button>
        </form>
      )}
      <Refusal error={queue.error} />
    </section>
  );
}
