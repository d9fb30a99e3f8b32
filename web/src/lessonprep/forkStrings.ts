import { featureStrings } from "../i18n";

/** The words of personal copies (二次备课) and their reflections: zh-CN first, English when switched. */
export const fs = featureStrings(
  {
    copyOf: "个人副本（二次备课），源自",
    copies: "二次备课与课后反思",
    noCopies: "还没有老师复制本教案。",
    noReflection: "尚未写课后反思。",
    reflectedAt: "{name} · {at}",
    forkedAt: "{name} 于 {at} 复制",
  },
  {
    copyOf: "Personal copy, forked from",
    copies: "Personal copies and reflections",
    noCopies: "No teacher has forked this plan yet.",
    noReflection: "No after-class reflection yet.",
    reflectedAt: "{name} · {at}",
    forkedAt: "forked by {name} at {at}",
  },
);
