// Generated from the C# event records (Grains.Interfaces/<Area>/Events) by tests/Api.Tests/Live/EventContractTests.cs.
// Do not edit: change the records, then run COLLAB_WRITE_EVENT_TYPES=1 dotnet test tests/Api.Tests --filter EventContractTests

export interface AccessRevokedEvent {
  userId: string;
}

export interface AnnouncementEvent {
  text: string;
  at: string;
  roomId: string | null;
}

export interface AnswerRecordedEvent {
  questionId: string;
  studentId: string;
  classId: string;
  answer: unknown;
  at: string;
}

export interface AnswerRevealedEvent {
  questionId: string;
  answer: unknown;
  total: TallyTotal;
}

export interface AttachmentAddedEvent {
  id: string;
  url: string;
  name: string;
  size: number;
  contentType: string;
  owner: string;
  uploadedBy: string;
  uploadedAt: string;
}

export interface AttachmentRemovedEvent {
  id: string;
  owner: string;
  removedBy: string;
}

export interface AttemptPausedEvent {
  cause: string;
}

export interface AttemptResumedEvent {
  deadline: string;
  serverNow: string;
}

export interface AttemptStartedEvent {
  startedAt: string;
  deadline: string;
}

export interface AttemptSubmittedEvent {
  reason: string;
  submittedAt: string;
  cause: string | null;
}

export interface BoardBackgroundEvent {
  sessionId: string;
  userId: string;
  background: BoardBackground | null;
}

export interface BoardClearedEvent {
  sessionId: string;
  userId: string;
}

export interface ChatPostedEvent {
  id: string;
  userId: string;
  name: string;
  text: string;
  at: string;
  clientId: string;
  clientSeq: number;
}

export interface ClassPresenceEvent {
  classId: string;
  online: number;
}

export interface ClassroomEndedEvent {
  at: string;
}

export interface ClassroomStartedEvent {
  at: string;
}

export interface CommentAddedEvent {
  id: string;
  section: string;
  start: number;
  end: number;
  text: string;
  userId: string;
  name: string;
  at: string;
  resolved: boolean;
  resolvedBy: string | null;
}

export interface CommentResolvedEvent {
  commentId: string;
  userId: string;
}

export interface CursorMovedEvent {
  userId: string;
  section: string;
  anchor: number;
  head: number;
  revision: number;
}

export interface DeadlineChangedEvent {
  deadline: string | null;
  extraMinutes: number;
  serverNow: string;
}

export interface ExamPublishedEvent {
  opensAt: string;
  durationMinutes: number;
}

export interface ForkReflectedEvent {
  forkId: string;
  userId: string;
  name: string;
  at: string;
  reflected: boolean;
  reflection: string | null;
  reflectedAt: string | null;
}

export interface HomeworkClosedEvent {
  at: string;
}

export interface HomeworkMarkedEvent {
  studentId: string;
  questionId: string;
  points: number;
  by: string;
  at: string;
}

export interface HomeworkSubmittedEvent {
  studentId: string;
  classId: string;
  answers: Record<string, unknown>;
  revision: number;
  at: string;
}

export interface IrregularityRecordedEvent {
  at: string;
  studentId: string;
  kind: string;
  minutes: number;
  cause: string;
  byUserId: string;
}

export interface JoinRequestedEvent {
  userId: string;
  name: string;
  school: string;
  county: string;
  at: string;
}

export interface JoinResolvedEvent {
  userId: string;
  outcome: string;
  resolvedBy: string;
}

export interface LessonEndedEvent {
  endedAt: string;
  durationSeconds: number;
  userId: string;
}

export interface LessonStartedEvent {
  startedAt: string;
  userId: string;
}

export interface MemberAddedEvent {
  userId: string;
  name: string;
  school: string;
  county: string;
  role: string;
}

export interface MemberRemovedEvent {
  userId: string;
  removedBy: string;
}

export interface MessagePostedEvent {
  id: string;
  userId: string;
  name: string;
  text: string;
  at: string;
  clientId: string;
  clientSeq: number;
}

export interface NoteAddedEvent {
  id: string;
  userId: string;
  name: string;
  text: string;
  at: string;
  offsetSeconds: number;
  visibility: string;
}

export interface OpAppliedEvent {
  revision: number;
  section: string;
  ops?: (number | string)[];
  userId: string;
  clientId: string;
  clientSeq: number;
  delta?: unknown;
}

export interface PhaseChangedEvent {
  phase: string;
  userId: string;
}

export interface PlanForkedEvent {
  forkId: string;
  userId: string;
  name: string;
  at: string;
  reflected: boolean;
}

export interface PresenceChangedEvent {
  userId: string;
  online: boolean;
}

export interface ProgressUpdatedEvent {
  students: CandidateProgress[];
  counts: StatusCounts;
}

export interface QuestionClosedEvent {
  questionId: string;
  at: string;
}

export interface QuestionPushedEvent {
  question: ClassroomQuestionView;
  pushedAt: string;
}

export interface QueueChangedEvent {
  length: number;
  queue?: QueuedStudent[];
  position?: number;
}

export interface QueueMessageEvent {
  id: string;
  text: string;
  at: string;
}

export interface RatingsUpdatedEvent {
  count: number;
  mean: Record<string, number>;
  weightedTotal: number | null;
}

export interface ReportReadyEvent {
  finalizedAt: string;
  count: number;
  weightedTotal: number;
  userId: string | null;
}

export interface ResultsPublishedEvent {
  at: string;
}

export interface RoomClosedEvent {
  roomId: string;
}

export interface RoomOpenedEvent {
  roomId: string;
}

export interface RubricChangedEvent {
  rubric: Rubric;
  userId: string;
}

export interface SectionAssignedEvent {
  section: string;
  userId: string | null;
  assignedBy: string;
}

export interface SessionEndedEvent {
  sessionId: string;
  studentId: string;
  reason: string;
  endedAt: string;
}

export interface SessionExtendedEvent {
  sessionId: string;
  endsAt: string;
}

export interface SessionScheduledEvent {
  kind: string;
  id: string;
  title: string;
  startsAt: string;
}

export interface SessionStartedEvent {
  sessionId: string;
  studentId: string;
  studentName: string;
  topic: string;
  startedAt: string;
  endsAt: string;
}

export interface SessionWarningEvent {
  sessionId: string;
  endsAt: string;
  secondsLeft: number;
}

export interface StrokeDrawnEvent {
  strokeId: string;
  userId: string;
  points?: number[][];
  color?: string;
  width?: number;
  at: string;
  trimmed?: boolean;
}

export interface TallySubmittedEvent {
  questionId: string;
  classId: string;
  counts: Record<string, number>;
  userId: string;
  at: string;
}

export interface TallyUpdatedEvent {
  questionId: string;
  perClass: ClassTally[];
  total: TallyTotal;
}

export interface VersionRestoredEvent {
  versionId: string;
  revision: number;
  userId: string;
}

export interface VersionSavedEvent {
  versionId: string;
  label: string;
  revision: number;
  createdBy: string;
  createdAt: string;
}

export interface BoardBackground {
  fileId: string;
  name: string;
  contentType: string;
}

export interface CandidateProgress {
  studentId: string;
  name: string;
  status: string;
  answered: number;
  lastSeenAt: string | null;
  focusLosses: number;
  deadline: string | null;
  submittedAt: string | null;
  roomId: string | null;
  accommodationMinutes: number;
}

export interface ClassTally {
  classId: string;
  answered: number;
  correct: number;
  counts: Record<string, number>;
  fromCount: boolean;
}

export interface ClassroomQuestionView {
  id: string;
  kind: string;
  stem: string;
  options: QuestionOption[];
  blanks: number;
  status: string;
}

export interface QuestionOption {
  id: string;
  text: string;
}

export interface QueuedStudent {
  studentId: string;
  name: string;
  topic: string;
  requestedAt: string;
  position: number;
}

export interface Rubric {
  dimensions: RubricDimension[];
}

export interface RubricDimension {
  key: string;
  name: string;
  weight: number;
  descriptors: string[] | null;
}

export interface StatusCounts {
  absent: number;
  active: number;
  paused: number;
  submitted: number;
}

export interface TallyTotal {
  answered: number;
  correct: number;
}

/** The data of each event, by its protocol type. */
export interface LiveEventData {
  "access.revoked": AccessRevokedEvent;
  "announcement": AnnouncementEvent;
  "answer.recorded": AnswerRecordedEvent;
  "answer.revealed": AnswerRevealedEvent;
  "attachment.added": AttachmentAddedEvent;
  "attachment.removed": AttachmentRemovedEvent;
  "attempt.paused": AttemptPausedEvent;
  "attempt.resumed": AttemptResumedEvent;
  "attempt.started": AttemptStartedEvent;
  "attempt.submitted": AttemptSubmittedEvent;
  "board.background": BoardBackgroundEvent;
  "board.cleared": BoardClearedEvent;
  "chat.posted": ChatPostedEvent;
  "class.presence": ClassPresenceEvent;
  "classroom.ended": ClassroomEndedEvent;
  "classroom.started": ClassroomStartedEvent;
  "comment.added": CommentAddedEvent;
  "comment.resolved": CommentResolvedEvent;
  "cursor.moved": CursorMovedEvent;
  "deadline.changed": DeadlineChangedEvent;
  "exam.published": ExamPublishedEvent;
  "fork.reflected": ForkReflectedEvent;
  "homework.closed": HomeworkClosedEvent;
  "homework.marked": HomeworkMarkedEvent;
  "homework.submitted": HomeworkSubmittedEvent;
  "irregularity.recorded": IrregularityRecordedEvent;
  "join.requested": JoinRequestedEvent;
  "join.resolved": JoinResolvedEvent;
  "lesson.ended": LessonEndedEvent;
  "lesson.started": LessonStartedEvent;
  "member.added": MemberAddedEvent;
  "member.removed": MemberRemovedEvent;
  "message.posted": MessagePostedEvent;
  "note.added": NoteAddedEvent;
  "op.applied": OpAppliedEvent;
  "phase.changed": PhaseChangedEvent;
  "plan.forked": PlanForkedEvent;
  "presence.changed": PresenceChangedEvent;
  "progress.updated": ProgressUpdatedEvent;
  "question.closed": QuestionClosedEvent;
  "question.pushed": QuestionPushedEvent;
  "queue.changed": QueueChangedEvent;
  "queue.message": QueueMessageEvent;
  "ratings.updated": RatingsUpdatedEvent;
  "report.ready": ReportReadyEvent;
  "results.published": ResultsPublishedEvent;
  "room.closed": RoomClosedEvent;
  "room.opened": RoomOpenedEvent;
  "rubric.changed": RubricChangedEvent;
  "section.assigned": SectionAssignedEvent;
  "session.ended": SessionEndedEvent;
  "session.extended": SessionExtendedEvent;
  "session.scheduled": SessionScheduledEvent;
  "session.started": SessionStartedEvent;
  "session.warning": SessionWarningEvent;
  "stroke.drawn": StrokeDrawnEvent;
  "tally.submitted": TallySubmittedEvent;
  "tally.updated": TallyUpdatedEvent;
  "version.restored": VersionRestoredEvent;
  "version.saved": VersionSavedEvent;
}
