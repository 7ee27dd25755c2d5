import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, request, type APIRequestContext, type APIResponse } from "@playwright/test";
import type { components } from "../../src/lib/api/schema";
import { ADMIN, API_URL, SAMPLES_DIR } from "./env";

export type DocumentRead = components["schemas"]["DocumentRead"];
export type DocumentList = components["schemas"]["DocumentList"];
export type JobRead = components["schemas"]["JobRead"];
export type UploadItem = components["schemas"]["UploadItem"];
export type UploadAccepted = components["schemas"]["UploadAccepted"];
export type UserRead = components["schemas"]["UserRead"];
export type Role = "viewer" | "reviewer" | "admin";

const TERMINAL = new Set(["completed", "failed", "cancelled"]);

async function ok(response: APIResponse, what: string): Promise<APIResponse> {
  if (!response.ok()) {
    throw new Error(`${what}: HTTP ${response.status()} ${await response.text()}`);
  }
  return response;
}

/**
 * The API as a client of the stack under test sees it (straight to the API, not through the
 * PWA): a cookie session with the CSRF header on unsafe requests, like the browser's. Used to
 * arrange what a spec does not test itself (users, documents, jobs) and to check what the
 * screens claim.
 */
export class DocflowApi {
  private constructor(
    readonly http: APIRequestContext,
    private readonly csrf: string,
    readonly email: string,
  ) {}

  static async signIn(email: string = ADMIN.email, password: string = ADMIN.password): Promise<DocflowApi> {
    const http = await request.newContext({ baseURL: API_URL });
    const response = await ok(await http.post("/api/auth/login", { data: { email, password } }), `sign in as ${email}`);
    const me = (await response.json()) as components["schemas"]["MeRead"];
    return new DocflowApi(http, me.csrf_token ?? "", email);
  }

  async dispose(): Promise<void> {
    await this.http.dispose();
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { "X-CSRF-Token": this.csrf, ...extra };
  }

  /** A user in the admin's workspace; the email is made unique by the caller. */
  async createUser(email: string, role: Role, password: string): Promise<UserRead> {
    const response = await this.http.post("/api/users", {
      data: { email, role, password, display_name: `${role} (e2e)` },
      headers: this.headers(),
    });
    return (await (await ok(response, `create ${role} ${email}`)).json()) as UserRead;
  }

  async setRole(userId: string, role: Role): Promise<UserRead> {
    const response = await this.http.patch(`/api/users/${userId}`, { data: { role }, headers: this.headers() });
    return (await (await ok(response, `set role of ${userId}`)).json()) as UserRead;
  }

  /** Uploads one file of samples/ (optionally under another name); returns its accepted item. */
  async uploadSample(sample: string, filename: string = sample): Promise<UploadAccepted> {
    const response = await this.http.post("/api/documents/upload", {
      multipart: {
        files: { name: filename, mimeType: "application/octet-stream", buffer: readFileSync(join(SAMPLES_DIR, sample)) },
      },
      headers: this.headers(),
    });
    const body = (await (await ok(response, `upload ${filename}`)).json()) as components["schemas"]["UploadResult"];
    const item = body.items[0];
    if (item?.status !== "accepted") throw new Error(`upload of ${filename} was not accepted: ${JSON.stringify(item)}`);
    return item;
  }

  async job(jobId: string): Promise<JobRead> {
    return (await (await ok(await this.http.get(`/api/jobs/${jobId}`), `GET job ${jobId}`)).json()) as JobRead;
  }

  /** Polls the job until it reaches one of `statuses` (default: any final state). */
  async waitForJob(jobId: string, statuses: Iterable<string> = TERMINAL, timeoutMs = 60_000): Promise<JobRead> {
    const wanted = new Set(statuses);
    let job: JobRead | undefined;
    await expect
      .poll(
        async () => {
          job = await this.job(jobId);
          return wanted.has(job.status);
        },
        { timeout: timeoutMs, intervals: [100, 250, 500], message: `job ${jobId} never reached ${[...wanted].join("/")}` },
      )
      .toBe(true);
    return job as JobRead;
  }

  /** Uploads a sample and waits until its job is final. */
  async processedSample(sample: string, filename: string = sample, status = "completed"): Promise<DocumentRead> {
    const item = await this.uploadSample(sample, filename);
    const job = await this.waitForJob(item.job.id);
    expect(job.status, `${filename} should end ${status}`).toBe(status);
    return (await this.document(item.document.id)).document;
  }

  async document(id: string): Promise<{ document: DocumentRead; etag: string }> {
    const response = await ok(await this.http.get(`/api/documents/${id}`), `GET document ${id}`);
    return { document: (await response.json()) as DocumentRead, etag: response.headers()["etag"] ?? "" };
  }

  async documents(params: Record<string, string | number | boolean> = {}): Promise<DocumentList> {
    const response = await ok(await this.http.get("/api/documents", { params }), "GET documents");
    return (await response.json()) as DocumentList;
  }

  /** A review save as another client would make it (If-Match: the version it read). */
  async review(id: string, etag: string, fields: Record<string, string | null>): Promise<APIResponse> {
    return this.http.put(`/api/documents/${id}/review`, {
      data: { fields },
      headers: this.headers({ "If-Match": etag }),
    });
  }

  async finalize(id: string): Promise<APIResponse> {
    return this.http.post(`/api/documents/${id}/finalize`, { headers: this.headers() });
  }
}

/**
 * The current value of one field: the reviewer's correction when there is one (reviewed_output_json
 * holds plain values, only for corrected fields), otherwise the extracted value.
 */
export function fieldValue(document: DocumentRead, field: string): string | null {
  const reviewed = document.extraction?.reviewed_output_json as { fields?: Record<string, string | null> } | null | undefined;
  if (reviewed?.fields && field in reviewed.fields) return reviewed.fields[field] ?? null;
  const extracted = document.extraction?.structured_output_json as { fields?: Record<string, { value: string | null } | undefined> } | undefined;
  return extracted?.fields?.[field]?.value ?? null;
}
