import { featureStrings } from "../i18n";

/** The teacher's home cards: zh-CN first, English when switched. */
export const s = featureStrings(
  {
    upcoming: "近期活动",
    noUpcoming: "我的教研组近期没有安排活动。",
    kind_observation: "听评课",
    kind_lessonprep: "集体备课",
    kind_exam: "考试",
    kind_tutoring: "辅导",
    myCopies: "我的二次备课",
    noCopies: "还没有个人副本。打开一份已定稿的教案，点“二次备课”即可复制。",
    copyFrom: "源自",
    changedAt: "最近修改 {at}",
  },
  {
    upcoming: "Upcoming sessions",
    noUpcoming: "No sessions coming up in my groups.",
    kind_observation: "Lesson observation",
    kind_lessonprep: "Lesson preparation",
    kind_exam: "Exam",
    kind_tutoring: "Tutoring",
    myCopies: "My personal copies",
    noCopies: "No personal copies yet. Open a finalized plan and fork it.",
    copyFrom: "from",
    changedAt: "last changed {at}",
  },
);
