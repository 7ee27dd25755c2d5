import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { queryKeys } from "@/lib/api/keys";
import { applyJobToLists } from "./job-cache";
import type { DocumentListData, DocumentListItem, Job } from "./list-documents";

function job(overrides: Partial<Job> = {}): Job {
  return {
    id: "job-1",
    document_id: "doc-1",
    status: "failed",
    progress_percentage: 40,
    current_stage: "parsing",
    error_message: "The PDF is truncated.",
    retry_count: 0,
    attempt: 1,
    created_at: "2026-01-01T00:00:00Z",
    started_at: null,
    completed_at: null,
    updated_at: "2026-01-01T00:00:00Z",
    ...overrides,
  };
}

function item(id: string, status: string, attempt = 1): DocumentListItem {
  return {
    id,
    original_filename: `${id}.pdf`,
    mime_type: "application/pdf",
    file_size: 1,
    sha256: "x",
    uploaded_at: "2026-01-01T00:00:00Z",
    current_status: status,
    duplicate_of: null,
    possible_duplicate_of: null,
    vendor_name: null,
    invoice_number: null,
    invoice_date: null,
    total_amount: null,
    currency: null,
    is_finalized: false,
    job: job({ id: `job-${id}`, document_id: id, status, attempt }),
  };
}

function seed(client: QueryClient, params: object, items: DocumentListItem[]) {
  const counts = { queued: 0, processing: 0, completed: 1, failed: 1, cancelled: 0, finalized: 0 };
  const data: DocumentListData = {
    pages: [{ items, next_cursor: null, counts, counts_capped: false }],
    pageParams: [null],
  };
  client.setQueryData(queryKeys.documentList(params), data);
}

describe("applyJobToLists", () => {
  it("puts a retried job into every list holding its document and moves the counts", () => {
    const client = new QueryClient();
    seed(client, { sort: "-uploaded_at" }, [item("doc-1", "failed"), item("doc-2", "completed")]);
    seed(client, { status: ["failed"] }, [item("doc-1", "failed")]);

    applyJobToLists(client, job({ id: "job-doc-1", status: "queued", attempt: 2, retry_count: 1, error_message: null }));

    for (const params of [{ sort: "-uploaded_at" }, { status: ["failed"] }]) {
      const data = client.getQueryData<DocumentListData>(queryKeys.documentList(params))!;
      const row = data.pages[0].items.find((i) => i.id === "doc-1")!;
      expect(row.current_status).toBe("queued");
      expect(row.job?.attempt).toBe(2);
      expect(data.pages[0].counts.failed).toBe(0);
      expect(data.pages[0].counts.queued).toBe(1);
    }
  });

  it("leaves other documents and unrelated lists alone", () => {
    const client = new QueryClient();
    seed(client, {}, [item("doc-2", "completed")]);
    const before = client.getQueryData(queryKeys.documentList({}));
    applyJobToLists(client, job({ status: "queued" }));
    expect(client.getQueryData(queryKeys.documentList({}))).toBe(before);
  });

  it("ignores an answer about an older attempt than the row shows", () => {
    const client = new QueryClient();
    seed(client, {}, [item("doc-1", "processing", 3)]);
    applyJobToLists(client, job({ id: "job-doc-1", status: "cancelled", attempt: 2 }));
    const data = client.getQueryData<DocumentListData>(queryKeys.documentList({}))!;
    expect(data.pages[0].items[0].current_status).toBe("processing");
  });

  it("keeps a newer live state of the same attempt (the retried job finished before the answer came)", () => {
    const client = new QueryClient();
    const row = item("doc-1", "completed", 2);
    row.job = job({ id: "job-doc-1", status: "completed", attempt: 2, updated_at: "2026-01-01T00:00:05.5Z" });
    seed(client, {}, [row]);
    applyJobToLists(client, job({ id: "job-doc-1", status: "queued", attempt: 2, updated_at: "2026-01-01T00:00:05.1Z" }));
    const data = client.getQueryData<DocumentListData>(queryKeys.documentList({}))!;
    expect(data.pages[0].items[0].current_status).toBe("completed");
  });
});
