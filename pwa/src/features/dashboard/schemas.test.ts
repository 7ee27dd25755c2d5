import { describe, expect, it } from "vitest";
import {
  EMPTY_FILTERS,
  exportHref,
  filtersFromSearchParams,
  filtersToListParams,
  filtersToSearchParams,
  nextSort,
  type DashboardFilters,
} from "./schemas";

const parse = (query: string) => filtersFromSearchParams(new URLSearchParams(query));

describe("filtersFromSearchParams", () => {
  it("gives the defaults for an empty URL", () => {
    expect(parse("")).toEqual(EMPTY_FILTERS);
  });

  it("reads every filter the API knows", () => {
    expect(
      parse("q=%20acme%20&status=failed&status=queued&finalized=false&uploaded_from=2026-01-01&uploaded_to=2026-01-31&sort=vendor"),
    ).toEqual({
      q: "acme",
      statuses: ["queued", "failed"],
      finalized: "no",
      uploadedFrom: "2026-01-01",
      uploadedTo: "2026-01-31",
      sort: "vendor",
    });
    expect(parse("finalized=true").finalized).toBe("yes");
    expect(parse("sort=-invoice_date").sort).toBe("-invoice_date");
  });

  it("accepts comma-separated statuses and drops repeats", () => {
    expect(parse("status=completed,failed&status=failed").statuses).toEqual(["completed", "failed"]);
  });

  it("ignores what it does not understand instead of failing", () => {
    expect(
      parse("status=lost&status=Failed&finalized=maybe&uploaded_from=2026-02-30&uploaded_to=yesterday&sort=-price&extra=1"),
    ).toEqual(EMPTY_FILTERS);
  });

  it("keeps a search to the API's 200 characters", () => {
    expect(parse(`q=${"x".repeat(300)}`).q).toHaveLength(200);
  });
});

describe("filtersToSearchParams", () => {
  it("writes nothing for the defaults, so the plain dashboard URL stays /", () => {
    expect(filtersToSearchParams(EMPTY_FILTERS).toString()).toBe("");
  });

  it("writes statuses repeated, in a stable order", () => {
    const filters: DashboardFilters = { ...EMPTY_FILTERS, statuses: ["finalized", "queued"] };
    expect(filtersToSearchParams(filters).toString()).toBe("status=queued&status=finalized");
  });

  it("round-trips through the URL", () => {
    const filters: DashboardFilters = {
      q: "Rechnung & Co",
      statuses: ["processing", "cancelled"],
      finalized: "yes",
      uploadedFrom: "2026-03-01",
      uploadedTo: "2026-03-02",
      sort: "-total",
    };
    const query = filtersToSearchParams(filters).toString();
    expect(query).toBe(
      "q=Rechnung+%26+Co&status=processing&status=cancelled&finalized=true&uploaded_from=2026-03-01&uploaded_to=2026-03-02&sort=-total",
    );
    expect(parse(query)).toEqual(filters);
  });
});

describe("filtersToListParams", () => {
  it("sends only what was set, with the sort and page size", () => {
    expect(filtersToListParams(EMPTY_FILTERS)).toEqual({ sort: "-uploaded_at", limit: 50 });
  });

  it("maps every filter to the API's names", () => {
    expect(
      filtersToListParams({
        q: " acme ",
        statuses: ["failed"],
        finalized: "no",
        uploadedFrom: "2026-01-01",
        uploadedTo: "2026-01-01",
        sort: "filename",
      }),
    ).toEqual({
      q: "acme",
      status: ["failed"],
      finalized: false,
      uploaded_from: "2026-01-01",
      uploaded_to: "2026-01-01",
      sort: "filename",
      limit: 50,
    });
  });

  it("leaves out an upper date before the lower one (the API would refuse it)", () => {
    const params = filtersToListParams({ ...EMPTY_FILTERS, uploadedFrom: "2026-05-02", uploadedTo: "2026-05-01" });
    expect(params.uploaded_from).toBe("2026-05-02");
    expect(params).not.toHaveProperty("uploaded_to");
  });

  it("gives equal params (hence one query key) for equal filters", () => {
    const a = filtersToListParams(parse("status=failed&status=queued&q=x"));
    const b = filtersToListParams(parse("q=x&status=queued&status=failed"));
    expect(a).toEqual(b);
  });
});

describe("exportHref", () => {
  it("asks /api/exports for the same filters and order", () => {
    const filters = parse("q=acme&status=finalized&uploaded_from=2026-01-01&sort=vendor");
    expect(exportHref(filters, "csv")).toBe(
      "/api/exports?format=csv&q=acme&status=finalized&uploaded_from=2026-01-01&sort=vendor",
    );
    expect(exportHref(EMPTY_FILTERS, "json")).toBe("/api/exports?format=json&sort=-uploaded_at");
  });
});

describe("nextSort", () => {
  it("flips the direction of the column already sorted by", () => {
    expect(nextSort("-uploaded_at", "uploaded_at")).toBe("uploaded_at");
    expect(nextSort("vendor", "vendor")).toBe("-vendor");
  });

  it("starts a new column in its natural direction", () => {
    expect(nextSort("-uploaded_at", "filename")).toBe("filename");
    expect(nextSort("filename", "total")).toBe("-total");
    expect(nextSort("filename", "invoice_date")).toBe("-invoice_date");
  });
});
