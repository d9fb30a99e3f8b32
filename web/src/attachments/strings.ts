import { featureStrings } from "../i18n";

/** The attachments panel's words: zh-CN first, English when switched. */
export const s = featureStrings(
  {
    title: "附件（学案、课件）",
    none: "还没有附件。",
    upload: "上传附件",
    uploading: "上传中…",
    open: "打开",
    download: "下载",
    remove: "删除",
    tooLarge: "文件太大，不能超过上限。",
    wrongType: "只能上传图片（PNG、JPEG、GIF、WebP）、PDF、Word、Excel、PowerPoint 或纯文本文件。",
    uploadedBy: "上传者",
  },
  {
    title: "Attachments (worksheets, slides)",
    none: "No attachments yet.",
    upload: "Upload a file",
    uploading: "Uploading…",
    open: "Open",
    download: "Download",
    remove: "Delete",
    tooLarge: "The file is too large.",
    wrongType: "Only images (PNG, JPEG, GIF, WebP), PDF, Word, Excel, PowerPoint or plain text files can be uploaded.",
    uploadedBy: "Uploaded by",
  },
);
