import { restAs, tokenFor } from "./harness.mjs";

// The 1+X tests' directory: a city host class and a linked rural class with its own teacher (the assistant), and on
// request a second rural class whose pupils have no devices.
export const admin = { userId: "a-8001", name: "管理员", role: "admin" };
export const host = { userId: "t-8001", name: "王老师", role: "teacher", school: "3301001", county: "西湖区" };
export const assistant = { userId: "t-8002", name: "李老师", role: "teacher", school: "3302001", county: "淳安县" };
export const cityStudent = { userId: "s-8101", name: "小红", role: "student", school: "3301001", county: "西湖区" };
export const ruralStudent = { userId: "s-8201", name: "小兰", role: "student", school: "3302001", county: "淳安县" };

/** Imports the host class `c-host` and the rural class `c-rural`, and with `quietClass` also `c-quiet`. */
export async function importCityClasses(baseUrl, { quietClass = false } = {}) {
  const schools = [
    { code: "3301001", name: "城区实验中学", county: "西湖区" },
    { code: "3302001", name: "李家村中学", county: "淳安县" },
  ];
  const people = [
    { userId: host.userId, name: host.name, role: "teacher", schoolCode: "3301001" },
    { userId: assistant.userId, name: assistant.name, role: "teacher", schoolCode: "3302001" },
    { userId: cityStudent.userId, name: cityStudent.name, role: "student", schoolCode: "3301001" },
    { userId: ruralStudent.userId, name: ruralStudent.name, role: "student", schoolCode: "3302001" },
  ];
  const classes = [
    { id: "c-host", schoolCode: "3301001", name: "初二(1)班", grade: "8", teacherIds: [host.userId], studentIds: [cityStudent.userId] },
    { id: "c-rural", schoolCode: "3302001", name: "初二(3)班", grade: "8", teacherIds: [assistant.userId], studentIds: [ruralStudent.userId] },
  ];
  if (quietClass) {
    schools.push({ code: "3303001", name: "赵庄中学", county: "淳安县" });
    people.push(
      { userId: "t-8003", name: "赵老师", role: "teacher", schoolCode: "3303001" },
      { userId: "s-8301", name: "小芳", role: "student", schoolCode: "3303001" },
    );
    classes.push({ id: "c-quiet", schoolCode: "3303001", name: "初二(2)班", grade: "8", teacherIds: ["t-8003"], studentIds: ["s-8301"] });
  }
  await restAs(baseUrl, await tokenFor(baseUrl, admin), "POST", "/api/directory/import", { schools, people, classes });
}
