import { describe, expect, it } from "vitest";
import type { OutboxItem } from "@/offline/db";
import type { UploadEntry } from "./upload-queue";
import { fromRow, uploadViews } from "./upload-view";

function row(id: string, patch: Partial<OutboxItem> = {}): OutboxItem {
  return {
    id,
    kind: "upload",
    userId: "u1",
    documentId: null,
    jobId: null,
    label: `${id}.pdf`,
    filename: `${id}.pdf`,
    size: 1000,
    mimeType: "application/pdf",
    status: "waiting",
    attempts: 0,
    lastError: null,
    createdAt: 1,
    updatedAt: 1,
    nextAttemptAt: 0,
    order: 1,
    ...patch,
  };
}

function entry(id: string, phase: UploadEntry["phase"], patch: Partial<UploadEntry> = {}): UploadEntry {
  return {
    id,
    file: new Blob(["x"]),
    filename: `${id}.pdf`,
    size: 1,
    idempotencyKey: id,
    phase,
    loaded: 0,
    total: 1,
    attempts: 0,
    message: null,
    item: null,
    seen: false,
    ...patch,
  };
}

const acceptedAnswer = {
  items: [
    {
      filename: "a.pdf",
      status: "accepted",
      document: { id: "d1", original_filename: "a.pdf", mime_type: "application/pdf", file_size: 1000, sha256: "x", uploaded_at: "2026-12-04T10:00:00Z", current_status: "queued" },
      job: { id: "j1", document_id: "d1", status: "queued", progress_percentage: 0, current_stage: "queued", attempt: 1, retry_count: 0, created_at: "2026-12-04T10:00:00Z", updated_at: "2026-12-04T10:00:00Z" },
    },
  ],
};

describe("an outbox row on the upload screen", () => {
  it("waits (stored on this device), with why it is not sent yet", () => {
    expect(fromRow(row("a"), undefined)).toMatchObject({ phase: "waiting", stored: true, message: null, total: 1000 });
    expect(fromRow(row("a", { attempts: 2, lastError: { message: "Waiting for the connection." }, nextAttemptAt: 5 }), undefined)).toMatchObject({
      phase: "waiting",
      attempts: 2,
      message: "Waiting for the connection.",
      nextAttemptAt: 5,
    });
  });

  it("shows the bytes sent while on the way (this tab's or another's)", () => {
    expect(fromRow(row("a", { status: "sending" }), { loaded: 400, total: 1100 })).toMatchObject({ phase: "sending", loaded: 400, total: 1100 });
    expect(fromRow(row("a", { status: "sending" }), undefined)).toMatchObject({ phase: "sending", loaded: 0, total: 1000 });
  });

  it("once sent, is the server's verdict: the document and its job", () => {
    const view = fromRow(row("a", { status: "sent", result: acceptedAnswer }), undefined);
    expect(view.phase).toBe("accepted");
    expect(view.item?.document.id).toBe("d1");
    expect(view.item?.job.id).toBe("j1");
  });

  it("refused: the server's message (Discard / Retry now on screen)", () => {
    expect(fromRow(row("a", { status: "failed", lastError: { message: "The file is empty.", status: 422 } }), undefined)).toMatchObject({
      phase: "rejected",
      outboxStatus: "failed",
      message: "The file is empty.",
      messageStatus: 422,
    });
  });
});

describe("the upload list", () => {
  it("lists the outbox's unsent uploads (also from before a reload), then what only this screen knows", () => {
    const rows = [
      row("old", { order: 1 }),
      row("sent-elsewhere", { order: 2, status: "sent", result: acceptedAnswer }),
      row("mine", { order: 3, status: "sent", result: acceptedAnswer }),
      { ...row("edit", { order: 4 }), kind: "review" as const },
      row("going", { order: 5, status: "sending" }),
    ];
    const entries = [entry("mine", "queued", { seen: true }), entry("picked", "ready"), entry("fresh", "queued")];
    expect(uploadViews(entries, rows, new Map()).map((view) => [view.id, view.phase])).toEqual([
      ["old", "waiting"],
      ["mine", "accepted"],
      ["going", "sending"],
      ["picked", "ready"],
      ["fresh", "storing"],
    ]);
  });

  it("drops a file discarded elsewhere once the outbox had shown it", () => {
    const views = uploadViews([entry("gone", "queued", { seen: true })], [], new Map());
    expect(views).toEqual([]);
  });

  it("without the outbox, is the screen's own list", () => {
    const entries = [entry("a", "sending", { loaded: 1 }), entry("b", "retryable", { message: "No answer." })];
    expect(uploadViews(entries, [], new Map()).map((view) => [view.id, view.phase, view.stored, view.message])).toEqual([
      ["a", "sending", false, null],
      ["b", "retryable", false, "No answer."],
    ]);
  });
});
