import { describe, expect, it } from "vitest";
import { insertTimelineEvents, patchJob, reduceDocumentDetail, reduceDocumentList } from "./event-reducer";
import { detail, event, job, listData, page, row } from "./test-fixtures";

describe("reduceDocumentList", () => {
  it("drops a deleted document's row and its count; a deletion further down asks for a refetch", () => {
    const data = listData(page([row("a"), row("b")]));
    const { data: next, changed, refetch } = reduceDocumentList(data, [event(40, "document_deleted", "a", { status: "deleted" })]);
    expect(changed).toBe(true);
    expect(refetch).toBe(false);
    expect(next.pages[0].items.map((item) => item.id)).toEqual(["b"]);
    expect(next.pages[0].counts).toMatchObject({ queued: 1 });
    expect(reduceDocumentList(data, [event(41, "document_deleted", "elsewhere", { status: "deleted" })])).toMatchObject({
      changed: false,
      refetch: true,
    });
  });

  it("moves a row through its job's stages and its status counts with it", () => {
    const data = listData(page([row("a"), row("b")]));
    const { data: next, changed, refetch } = reduceDocumentList(data, [
      event(1, "job_started", "a"),
      event(2, "document_parsing_started", "a"),
    ]);
    expect(changed).toBe(true);
    expect(refetch).toBe(false);
    const a = next.pages[0].items[0];
    expect(a.current_status).toBe("processing");
    expect(a.job).toMatchObject({ status: "processing", progress_percentage: 10, current_stage: "parsing" });
    expect(a.job?.started_at).toBe(event(1, "job_started", "a").at);
    expect(next.pages[0].counts).toMatchObject({ queued: 1, processing: 1 });
    expect(next.pages[0].items[1]).toBe(data.pages[0].items[1]); // untouched rows keep identity
  });

  it("adjusts the counts on every page, once per document", () => {
    // every page carries the counts of the whole filtered set
    const data = listData(page([row("a")], { queued: 2 }), page([row("b")], { queued: 2 }));
    const { data: next } = reduceDocumentList(data, [event(5, "job_failed", "b", { data: { error: "broken" } })]);
    for (const p of next.pages) expect(p.counts).toMatchObject({ queued: 1, failed: 1 });
    expect(next.pages[0]).not.toBe(data.pages[0]); // counts changed
    expect(next.pages[0].items).toBe(data.pages[0].items); // rows did not
    expect(next.pages[1].items[0].job).toMatchObject({ status: "failed", error_message: "broken" });
  });

  it("asks for a refetch when a job completes (the row's extracted columns are new)", () => {
    const data = listData(page([row("a", { current_status: "processing", job: job("job-a", "a", { status: "processing" }) })]));
    const { data: next, refetch } = reduceDocumentList(data, [event(9, "job_completed", "a")]);
    expect(refetch).toBe(true);
    expect(next.pages[0].items[0]).toMatchObject({ current_status: "completed", job: { status: "completed", progress_percentage: 100 } });
    expect(next.pages[0].counts).toMatchObject({ processing: 0, completed: 1 });
  });

  it("leaves a list without the document alone but asks for a refetch on a status change", () => {
    const data = listData(page([row("a")]));
    const queued = reduceDocumentList(data, [event(3, "job_queued", "new-upload")]);
    expect(queued).toMatchObject({ changed: false, refetch: true });
    expect(queued.data).toBe(data);
    // progress of a document this list does not hold changes nothing and costs nothing
    expect(reduceDocumentList(data, [event(4, "document_parsing_progress", "elsewhere")])).toMatchObject({
      changed: false,
      refetch: false,
    });
  });

  it("finalizes: status and flag, the job untouched, counts moved", () => {
    const done = job("job-a", "a", { status: "completed", progress_percentage: 100, current_stage: "completed" });
    const data = listData(page([row("a", { current_status: "completed", job: done })]));
    const { data: next, refetch } = reduceDocumentList(data, [event(20, "document_finalized", "a")]);
    expect(refetch).toBe(false);
    expect(next.pages[0].items[0]).toMatchObject({ current_status: "finalized", is_finalized: true });
    expect(next.pages[0].items[0].job).toBe(done);
    expect(next.pages[0].counts).toMatchObject({ completed: 0, finalized: 1 });
    // a job event after finalizing does not take the status back
    const again = reduceDocumentList(next, [event(21, "job_completed", "a")]);
    expect(again.data.pages[0].items[0].current_status).toBe("finalized");
  });

  it("ignores an earlier attempt's event after a retry", () => {
    const retried = job("job-a", "a", { attempt: 2, retry_count: 1 });
    const data = listData(page([row("a", { job: retried })]));
    const { data: next, changed } = reduceDocumentList(data, [event(30, "job_failed", "a", { attempt: 1 })]);
    expect(changed).toBe(false);
    expect(next.pages[0].items[0].job).toBe(retried);
  });

  it("a retry: queued again, next attempt, error cleared, one more retry", () => {
    const failed = job("job-a", "a", { status: "failed", error_message: "broken", completed_at: "2026-12-04T10:00:01Z" });
    const data = listData(page([row("a", { current_status: "failed", job: failed })]));
    const { data: next } = reduceDocumentList(data, [event(40, "job_queued", "a", { attempt: 2, data: { retry: true } })]);
    expect(next.pages[0].items[0].current_status).toBe("queued");
    expect(next.pages[0].items[0].job).toMatchObject({
      status: "queued",
      attempt: 2,
      retry_count: 1,
      error_message: null,
      started_at: null,
      completed_at: null,
    });
    expect(next.pages[0].counts).toMatchObject({ failed: 0, queued: 1 });
  });

  it("asks for a refetch when the row holds another job than the event's", () => {
    const data = listData(page([row("a", { job: null })]));
    expect(reduceDocumentList(data, [event(1, "job_started", "a")])).toMatchObject({ changed: false, refetch: true });
  });

  it("takes a plain page (not an infinite query) too", () => {
    const data = page([row("a")]);
    const { data: next } = reduceDocumentList(data, [event(1, "job_started", "a")]);
    expect(next.items[0].current_status).toBe("processing");
    expect(next.counts.processing).toBe(1);
  });
});

describe("reduceDocumentDetail", () => {
  it("patches the document's status and job, keeping the etag", () => {
    const entry = detail("a");
    const { data, changed, refetch } = reduceDocumentDetail(entry, [event(1, "job_started", "a"), event(2, "field_extraction_completed", "a")]);
    expect(changed).toBe(true);
    expect(refetch).toBe(false);
    expect(data.etag).toBe(entry.etag);
    expect(data.document.current_status).toBe("processing");
    expect(data.document.job).toMatchObject({ progress_percentage: 90, current_stage: "storing" });
  });

  it("asks for a refetch on completion, review and finalize (the extraction is not in the event)", () => {
    for (const type of ["job_completed", "document_reviewed", "document_finalized"]) {
      expect(reduceDocumentDetail(detail("a"), [event(1, type, "a")]).refetch).toBe(true);
    }
  });

  it("ignores other documents' events", () => {
    const entry = detail("a");
    expect(reduceDocumentDetail(entry, [event(1, "job_completed", "b")])).toEqual({ data: entry, changed: false, refetch: false });
  });

  it("marks a deleted document as gone without asking the server again, and stays so", () => {
    const { data, changed, refetch } = reduceDocumentDetail(detail("a"), [event(1, "job_started", "a"), event(2, "document_deleted", "a")]);
    expect({ changed, refetch, deleted: data.deleted }).toEqual({ changed: true, refetch: false, deleted: true });
    expect(reduceDocumentDetail(data, [event(3, "job_completed", "a")])).toEqual({ data, changed: false, refetch: false });
  });
});

describe("insertTimelineEvents", () => {
  it("inserts by seq, skips seqs it holds and other jobs' events", () => {
    const timeline = [event(1, "job_queued", "a"), event(4, "job_started", "a")];
    const next = insertTimelineEvents(timeline, "job-a", [
      event(6, "document_parsing_started", "a"),
      event(3, "job_queued", "b"),
      event(2, "document_parsing_progress", "a"),
      event(4, "job_started", "a"),
    ]);
    expect(next.map((e) => e.seq)).toEqual([1, 2, 4, 6]);
    expect(insertTimelineEvents(next, "job-a", [event(6, "document_parsing_started", "a")])).toBe(next);
  });
});

describe("patchJob", () => {
  it("returns the same job when the event changes nothing", () => {
    const j = job("job-a", "a", { status: "processing", progress_percentage: 10, current_stage: "parsing", started_at: "x" });
    expect(patchJob(j, event(2, "document_parsing_started", "a"))).toBe(j);
  });
});
