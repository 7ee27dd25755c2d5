/** Builders for the realtime tests (the API's shapes, filled with plausible values). */
import type { DocumentDetail, DocumentList, DocumentListData, DocumentListItem, JobRead, LiveEvent } from "./event-reducer";

const AT = "2026-12-04T10:00:00Z";

export function job(id: string, documentId: string, overrides: Partial<JobRead> = {}): JobRead {
  return {
    id,
    document_id: documentId,
    status: "queued",
    progress_percentage: 0,
    current_stage: "queued",
    error_message: null,
    retry_count: 0,
    attempt: 1,
    created_at: AT,
    started_at: null,
    completed_at: null,
    updated_at: AT,
    ...overrides,
  };
}

export function row(id: string, overrides: Partial<DocumentListItem> = {}): DocumentListItem {
  return {
    id,
    original_filename: `${id}.pdf`,
    mime_type: "application/pdf",
    file_size: 1000,
    sha256: "0".repeat(64),
    uploaded_at: AT,
    current_status: "queued",
    duplicate_of: null,
    possible_duplicate_of: null,
    vendor_name: null,
    invoice_number: null,
    invoice_date: null,
    total_amount: null,
    currency: null,
    is_finalized: false,
    job: job(`job-${id}`, id),
    ...overrides,
  };
}

export function page(items: DocumentListItem[], counts: Record<string, number> = {}): DocumentList {
  const byStatus: Record<string, number> = { queued: 0, processing: 0, completed: 0, failed: 0, cancelled: 0, finalized: 0 };
  for (const item of items) byStatus[item.current_status] = (byStatus[item.current_status] ?? 0) + 1;
  return { items, next_cursor: null, counts: { ...byStatus, ...counts }, counts_capped: false };
}

export function listData(...pages: DocumentList[]): DocumentListData {
  return { pages, pageParams: pages.map((_, i) => (i === 0 ? null : `cursor-${i}`)) };
}

export function detail(id: string, overrides: Partial<DocumentListItem> = {}): DocumentDetail {
  const r = row(id, overrides);
  return {
    document: {
      id: r.id,
      original_filename: r.original_filename,
      mime_type: r.mime_type,
      file_size: r.file_size,
      sha256: r.sha256,
      uploaded_at: r.uploaded_at,
      current_status: r.current_status,
      duplicate_of: null,
      possible_duplicate_of: null,
      preview: null,
      extraction: null,
      job: r.job,
    },
    etag: 'W/"1"',
  };
}

const PROGRESS: Record<string, [string, number, string]> = {
  job_queued: ["queued", 0, "queued"],
  job_started: ["processing", 5, "starting"],
  document_parsing_started: ["processing", 10, "parsing"],
  document_parsing_completed: ["processing", 60, "extracting"],
  field_extraction_completed: ["processing", 90, "storing"],
  job_completed: ["completed", 100, "completed"],
  job_failed: ["failed", 10, "failed"],
  job_cancelled: ["cancelled", 10, "cancelled"],
  document_reviewed: ["completed", 100, "completed"],
  document_finalized: ["finalized", 100, "completed"],
};

/** An event of document `documentId` (its job is `job-<documentId>`), as the API sends it. */
export function event(seq: number, type: string, documentId: string, overrides: Partial<LiveEvent> = {}): LiveEvent {
  const [status, progress, stage] = PROGRESS[type] ?? ["processing", 50, "parsing"];
  return {
    seq,
    type,
    job_id: `job-${documentId}`,
    document_id: documentId,
    status,
    progress,
    stage,
    attempt: 1,
    at: new Date(Date.UTC(2026, 11, 4, 10, 0, seq)).toISOString(),
    data: {},
    ...overrides,
  };
}
