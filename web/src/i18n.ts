import { signal } from "./signal";

/** zh-CN first; English is the switch. Every string a screen shows comes from here. */
const zh = {
  appName: "教研协作",
  signIn: "登录",
  signOut: "退出",
  devIssuer: "开发环境登录（选择或填写一个用户）",
  userId: "用户编号",
  name: "姓名",
  role: "身份",
  school: "学校代码",
  county: "区县",
  teacher: "教师",
  student: "学生",
  admin: "管理员",
  presetUsers: "示例用户",
  myGroups: "我的教研组",
  noGroups: "还没有加入教研组。",
  createGroup: "创建教研组",
  groupName: "教研组名称",
  subject: "学科",
  grade: "年级",
  description: "简介",
  create: "创建",
  members: "成员",
  memberCount: "名成员",
  leader: "组长",
  member: "组员",
  online: "在线",
  offline: "离线",
  feed: "讨论",
  post: "发送",
  postPlaceholder: "输入消息，按 Enter 发送",
  sending: "发送中…",
  sessions: "活动安排",
  noSessions: "暂无安排",
  addMember: "添加成员",
  removeMember: "移出",
  confirmRemove: "确定把这位成员移出教研组吗？",
  removedFromGroup: "你已不在这个教研组中，不再收到它的消息。",
  accessRevoked: "你已不在这个教研组中，不能再查看这里的内容。",
  back: "返回",
  reconnecting: "连接已断开，正在重新连接…",
  reconnected: "已重新连接",
  disconnected: "连接已断开，稍后自动重试",
  loading: "加载中…",
  exams: "考试",
  examId: "考试编号",
  openExam: "进入考试",
  proctorExam: "监考",
  timeLeft: "剩余时间",
  saved: "已保存",
  saving: "保存中…",
  notSaved: "未保存",
  unanswered: "未作答",
  submit: "交卷",
  confirmSubmit: "确定交卷吗？交卷后不能再修改。",
  submitted: "已交卷",
  submittedBy: {
    student: "你已交卷。",
    deadline: "考试时间到，系统已自动交卷。",
    proctor: "监考老师已为你交卷。",
  } as Record<string, string>,
  paused: "考试已被监考老师暂停：",
  question: "第 {n} 题",
  points: "{n} 分",
  trueLabel: "正确",
  falseLabel: "错误",
  blank: "第 {n} 空",
  shortPlaceholder: "在此作答",
  announcement: "通知",
  roster: "考生名单",
  lessonPreps: "集体备课",
  newPlan: "新建教案",
  planTitle: "教案标题",
  phase: "阶段",
  phase_drafting: "起草中",
  phase_discussion: "讨论中",
  phase_finalized: "已定稿",
  forceSubmit: "收卷",
  studentId: "考号",
  status: "状态",
  answered: "已答",
  focusLosses: "切屏",
  lastSeen: "最近活动",
  statusNames: { absent: "未开始", active: "作答中", paused: "已暂停", submitted: "已交卷" } as Record<string, string>,
  language: "English",
  error: "出错了",
  errors: {
    unauthorized: "登录已失效，请重新登录。",
    forbidden: "你没有权限执行此操作。",
    not_member: "你不是该组的成员。",
    not_found: "找不到该内容。",
    invalid_argument: "输入有误。",
    too_large: "内容太长。",
    rate_limited: "操作太频繁，请稍后再试。",
    conflict: "当前状态不允许此操作。",
    stale_revision: "内容已更新，请刷新。",
    closed: "已关闭。",
    not_open: "尚未开放。",
    not_admitted: "尚未被接入。",
    deadline_passed: "已过截止时间。",
    unavailable: "服务暂时不可用，请重试。",
    internal: "服务器内部错误。",
    network: "网络错误，请检查连接。",
  } as Record<string, string>,
};

type Strings = typeof zh;

const en: Strings = {
  appName: "Collab",
  signIn: "Sign in",
  signOut: "Sign out",
  devIssuer: "Development sign-in (pick or type a user)",
  userId: "User id",
  name: "Name",
  role: "Role",
  school: "School code",
  county: "County",
  teacher: "Teacher",
  student: "Student",
  admin: "Admin",
  presetUsers: "Sample users",
  myGroups: "My groups",
  noGroups: "You are not in any group yet.",
  createGroup: "Create a group",
  groupName: "Group name",
  subject: "Subject",
  grade: "Grade",
  description: "Description",
  create: "Create",
  members: "Members",
  memberCount: "members",
  leader: "Leader",
  member: "Member",
  online: "Online",
  offline: "Offline",
  feed: "Discussion",
  post: "Send",
  postPlaceholder: "Type a message, Enter to send",
  sending: "Sending…",
  sessions: "Sessions",
  noSessions: "Nothing scheduled",
  addMember: "Add a member",
  removeMember: "Remove",
  confirmRemove: "Remove this member from the group?",
  removedFromGroup: "You are no longer a member of this group and no longer receive its messages.",
  accessRevoked: "You are no longer in this group and can no longer see this.",
  back: "Back",
  reconnecting: "Connection lost, reconnecting…",
  reconnected: "Reconnected",
  disconnected: "Disconnected, retrying shortly",
  loading: "Loading…",
  exams: "Exams",
  examId: "Exam id",
  openExam: "Open exam",
  proctorExam: "Proctor",
  timeLeft: "Time left",
  saved: "Saved",
  saving: "Saving…",
  notSaved: "Not saved",
  unanswered: "Not answered",
  submit: "Submit",
  confirmSubmit: "Submit now? You cannot change your answers afterwards.",
  submitted: "Submitted",
  submittedBy: {
    student: "You have submitted.",
    deadline: "Time is up: your answers were submitted automatically.",
    proctor: "The proctor submitted your paper.",
  },
  paused: "The proctor paused your exam: ",
  question: "Question {n}",
  points: "{n} pt",
  trueLabel: "True",
  falseLabel: "False",
  blank: "Blank {n}",
  shortPlaceholder: "Write your answer here",
  announcement: "Announcement",
  roster: "Candidates",
  lessonPreps: "Lesson preparation",
  newPlan: "New lesson plan",
  planTitle: "Plan title",
  phase: "Phase",
  phase_drafting: "Drafting",
  phase_discussion: "Discussion",
  phase_finalized: "Finalized",
  forceSubmit: "Collect paper",
  studentId: "Student id",
  status: "Status",
  answered: "Answered",
  focusLosses: "Focus lost",
  lastSeen: "Last seen",
  statusNames: { absent: "Absent", active: "Writing", paused: "Paused", submitted: "Submitted" },
  language: "中文",
  error: "Error",
  errors: {
    unauthorized: "Your sign-in has expired; sign in again.",
    forbidden: "You may not do this.",
    not_member: "You are not a member.",
    not_found: "Not found.",
    invalid_argument: "Invalid input.",
    too_large: "Too long.",
    rate_limited: "Too many requests; try again shortly.",
    conflict: "Not allowed in the current state.",
    stale_revision: "The content changed; reload.",
    closed: "Closed.",
    not_open: "Not open yet.",
    not_admitted: "Not admitted yet.",
    deadline_passed: "The deadline has passed.",
    unavailable: "The service is unavailable; retry.",
    internal: "Server error.",
    network: "Network error; check the connection.",
  },
};

export type Lang = "zh" | "en";
type Key = { [K in keyof Strings]: Strings[K] extends string ? K : never }[keyof Strings];

export const lang = signal<Lang>((localStorage.getItem("collab.lang") as Lang) === "en" ? "en" : "zh");

export function setLang(next: Lang): void {
  localStorage.setItem("collab.lang", next);
  document.documentElement.lang = next === "zh" ? "zh-CN" : "en";
  lang.set(next);
}

export function strings(): Strings {
  return lang.get() === "en" ? en : zh;
}

export function t(key: Key, vars?: Record<string, string | number>): string {
  let text = strings()[key] as string;
  for (const [name, value] of Object.entries(vars ?? {})) text = text.replace(`{${name}}`, String(value));
  return text;
}

export function errorText(code: string, detail?: string): string {
  const known = strings().errors[code];
  return known ? (detail ? `${known}（${detail}）` : known) : `${t("error")}: ${code}${detail ? ` ${detail}` : ""}`;
}

/**
 * A feature's own string table (zh-CN and English), so each screen area keeps its words beside its code instead of
 * in this file. The English table must have the same keys as the Chinese one.
 */
export function featureStrings<S extends Record<string, string>>(zhTable: S, enTable: { [K in keyof S]: string }) {
  return (key: keyof S & string, vars?: Record<string, string | number>): string => {
    let text = (lang.get() === "en" ? enTable : zhTable)[key] as string;
    for (const [name, value] of Object.entries(vars ?? {})) text = text.replace(`{${name}}`, String(value));
    return text;
  };
}
