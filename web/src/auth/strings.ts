import { featureStrings } from "../i18n";

/** The sign-in screen's words for the OIDC issuer: zh-CN first, English when switched. */
export const s = featureStrings(
  {
    oidcTitle: "统一身份认证登录",
    oidcHint: "使用教育城域网统一身份认证账号登录。",
    oidcButton: "通过统一身份认证登录",
    redirecting: "正在跳转到统一身份认证…",
    finishing: "正在完成登录…",
    failed: "登录没有完成：{reason}",
    retry: "重新登录",
    noWay: "服务器没有配置登录方式，请联系管理员。",
  },
  {
    oidcTitle: "Single sign-on",
    oidcHint: "Sign in with your education network account.",
    oidcButton: "Sign in with single sign-on",
    redirecting: "Going to single sign-on…",
    finishing: "Finishing sign-in…",
    failed: "Sign-in did not complete: {reason}",
    retry: "Sign in again",
    noWay: "The server has no way to sign in configured; ask an administrator.",
  },
);
