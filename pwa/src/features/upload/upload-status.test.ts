import { describe, expect, it } from "vitest";
import type { DocumentEntry } from "./api/get-document";
import { displayState, stageLabel, summarize } from "./upload-status";
import type { UploadView } from "./upload-view";

const job = {
  id: "j1",
  document_id: "d1",
  status: "queued",
  progress_percentage: 0,
  current_stage: "queued",
  attempt: 1,
  retry_count: 0,
  created_at: "2026-12-04T10:00:00Z",
  updated_at: "2026-12-04T10:00:00Z",
};

const base: Pick<UploadView, "phase" | "item"> = {
  phase: "accepted",
  item: {
    filename: "a.pdf",
    status: "accepted",
    document: {
      id: "d1",
      original_filename: "a.pdf",
      mime_type: "application/pdf",
      file_size: 1,
      sha256: "x",
      uploaded_at: "2026-12-04T10:00:00Z",
      current_status: "queued",
    },
    job,
  },
};

function cached(status: string, current = status): DocumentEntry {
  return {
    etag: '"0"',
    document: {
      id: "d1",
      original_filename: "a.pdf",
      mime_type: "application/pdf",
      file_size: 1,
      sha256: "x",
      uploaded_at: "2026-12-04T10:00:00Z",
      current_status: current,
      duplicate_of: null,
      possible_duplicate_of: null,
      preview: null,
      extraction: null,
      job: { ...job, completed_at: null, started_at: null, error_message: null, status },
    },
  };
}

describe("displayState", () => {
  it("is the upload phase until the server accepted the file", () => {
    expect(displayState({ ...base, phase: "sending", item: null }, undefined)).toBe("sending");
    expect(displayState({ ...base, phase: "rejected", item: null }, undefined)).toBe("rejected");
    expect(displayState({ ...base, phase: "storing", item: null }, undefined)).toBe("storing");
  });

  it("follows the cached job once accepted, falling back to the upload answer", () => {
    expect(displayState(base, undefined)).toBe("queued");
    expect(displayState(base, cached("processing"))).toBe("processing");
    expect(displayState(base, cached("failed"))).toBe("failed");
    expect(displayState(base, cached("completed", "finalized"))).toBe("finalized");
  });
});

describe("summarize", () => {
  it("counts files by state in a fixed order", () => {
    expect(summarize([])).toBe("No files picked yet.");
    expect(summarize(["completed"])).toBe("1 file: 1 completed.");
    expect(summarize(["failed", "completed", "rejected", "completed", "sending"])).toBe(
      "5 files: 1 sending, 1 rejected, 2 completed, 1 failed.",
    );
    expect(summarize(["waiting", "storing", "waiting"])).toBe("3 files: 1 being saved on this device, 2 waiting to send.");
  });
});

it("stageLabel puts a stage in words", () => {
  expect(stageLabel("extracting")).toBe("Extracting");
  expect(stageLabel("field_extraction")).toBe("Field extraction");
  expect(stageLabel(null)).toBe("");
});
