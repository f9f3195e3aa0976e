// A small client written against the types openapi-typescript generates from /openapi/v1.json, as an integrating
// office would write one. The contract test generates schema.d.ts beside this file and compiles both with
// `tsc --noEmit --strict`: a renamed schema, a body that loses its type, an error answer that is no longer a problem
// document or a cookie scheme that disappears breaks the compilation.
import type { components, operations, paths } from "./schema";

type Schemas = components["schemas"];

/** The body of POST /api/cases (登记申请), under the name the document gives it. */
export type RegisterCaseBody = Schemas["RegisterRequestBody"];
export type CaseDetail = Schemas["CaseDetail"];
export type Problem = Schemas["ProblemDetails"];
export type ValidationProblem = Schemas["HttpValidationProblemDetails"];

// The operation's own types must be the named schemas above.
type RegisterOperation = paths["/api/cases"]["post"];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const bodyIsNamed: Same<RegisterOperation["requestBody"]["content"]["application/json"], RegisterCaseBody> = true;
const createdIsCase: Same<RegisterOperation["responses"][201]["content"]["application/json"], CaseDetail> = true;
const badInputIsValidationProblem: Same<RegisterOperation["responses"][400]["content"]["application/problem+json"], ValidationProblem> = true;
const conflictIsProblem: Same<RegisterOperation["responses"][409]["content"]["application/problem+json"], Problem> = true;
const signInIsProblem: Same<operations["getCase"]["responses"][401]["content"]["application/problem+json"], Problem> = true;
export const contract = [bodyIsNamed, createdIsCase, badInputIsValidationProblem, conflictIsProblem, signInIsProblem];

/** A problem answer, thrown with its field-level messages (400) or its title and detail. */
export class CaseFlowError extends Error {
  constructor(readonly status: number, readonly problem: Problem | ValidationProblem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }

  /** The messages for one field of a 400, e.g. "submittedOn". */
  fieldErrors(field: string): string[] {
    return "errors" in this.problem ? (this.problem.errors?.[field] ?? []) : [];
  }
}

async function send<T>(baseUrl: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(baseUrl + path, {
    method,
    credentials: "include", // the sign-in cookie (security scheme "cookie")
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new CaseFlowError(response.status, (await response.json()) as Problem | ValidationProblem);
  return (await response.json()) as T;
}

export function login(baseUrl: string, body: Schemas["LoginBody"]): Promise<Schemas["Me"]> {
  return send(baseUrl, "POST", "/api/auth/login", body);
}

export function registerCase(baseUrl: string, body: RegisterCaseBody): Promise<CaseDetail> {
  return send(baseUrl, "POST", "/api/cases", body);
}

export function computeReplyDeadline(
  baseUrl: string,
  body: Schemas["ComputeReplyDeadlineBody"],
): Promise<Schemas["ComputeReplyDeadlineResponse"]> {
  return send(baseUrl, "POST", "/api/deadlines/reply", body);
}

// A registration as an office's 政务服务 platform would send it: the enums and dates are the document's, and what
// the platform does not know is left out (the server reads a missing field as null).
export const example: RegisterCaseBody = {
  channel: "Online",
  submittedOn: "2026-03-02",
  applicantKind: "NaturalPerson",
  applicantName: "张三",
  contact: "13800000000",
  requestedInformation: "2025 年度本区老旧小区改造项目的资金安排",
};

export async function registerExample(baseUrl: string): Promise<number> {
  try {
    const created = await registerCase(baseUrl, example);
    return created.id; // a number, not number | string
  } catch (e) {
    if (e instanceof CaseFlowError && e.status === 400) console.error(e.fieldErrors("submittedOn"));
    throw e;
  }
}
