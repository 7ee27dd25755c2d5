import { describe, expect, it } from "vitest";
import { isLowConfidence, needsAttention, readFields, valuesOf, type DocumentRead } from "./fields";

type Extraction = NonNullable<DocumentRead["extraction"]>;

function doc(structured: unknown, reviewed: unknown): DocumentRead {
  return {
    id: "d",
    original_filename: "a.pdf",
    mime_type: "application/pdf",
    file_size: 1,
    sha256: "x",
    uploaded_at: "2026-01-01T00:00:00Z",
    current_status: "completed",
    duplicate_of: null,
    possible_duplicate_of: null,
    preview: null,
    job: null,
    extraction: {
      document_type: "invoice",
      page_count: 1,
      parse_method: "pdf_text",
      structured_output_json: structured as Extraction["structured_output_json"],
      reviewed_output_json: reviewed as Extraction["reviewed_output_json"],
      is_finalized: false,
      finalized_at: null,
      updated_at: "2026-01-01T00:00:00Z",
      version: 2,
      raw_text: "",
    },
  };
}

describe("readFields", () => {
  const structured = {
    fields: {
      vendor_name: { value: "Orion", confidence: 0.99, source: { page: 1, box: [0.1, 0.1, 0.3, 0.2], span: [0, 5] } },
      total_amount: { value: "10.00", confidence: 0.6, source: null },
      status: { value: "paid", confidence: 0.9, source: { page: 2, box: [0, 0] } },
    },
  };

  it("shows the correction over the extracted value, null when a reviewer cleared it", () => {
    const fields = readFields(doc(structured, { fields: { total_amount: "12.00", status: null } }));
    expect(valuesOf(fields)).toEqual({
      vendor_name: "Orion",
      invoice_number: null,
      invoice_date: null,
      total_amount: "12.00",
      tax_amount: null,
      currency: null,
      status: null,
    });
    const total = fields.find((f) => f.name === "total_amount")!;
    expect(total).toMatchObject({ extracted: "10.00", corrected: true, confidence: 0.6, label: "Total amount" });
  });

  it("reads the source box, ignoring malformed ones", () => {
    const fields = readFields(doc(structured, null));
    expect(fields[0].source).toEqual({ page: 1, box: [0.1, 0.1, 0.3, 0.2] });
    expect(fields.find((f) => f.name === "status")!.source).toBeNull();
  });

  it("copes with a document without extraction", () => {
    expect(readFields(undefined).every((f) => f.value === null && f.confidence === null)).toBe(true);
  });
});

describe("attention", () => {
  it("flags low confidence below 0.8 unless a reviewer set the value", () => {
    expect(isLowConfidence({ confidence: 0.79, corrected: false })).toBe(true);
    expect(isLowConfidence({ confidence: 0.8, corrected: false })).toBe(false);
    expect(isLowConfidence({ confidence: 0.2, corrected: true })).toBe(false);
    expect(isLowConfidence({ confidence: null, corrected: false })).toBe(false);
  });
  it("flags empty inputs", () => {
    expect(needsAttention({ confidence: 0.99, corrected: false }, "  ")).toBe(true);
    expect(needsAttention({ confidence: 0.99, corrected: false }, "x")).toBe(false);
  });
});

describe("field warnings (e-invoices whose print disagrees with their XML)", () => {
  const structured = {
    document_type: "invoice",
    fields: {
      total_amount: {
        value: "2370.96",
        confidence: 1,
        source: { xpath: "/rsm:CrossIndustryInvoice/x" },
        warning: { code: "printed_value_differs", message: "The printed document shows total 2470.96.", printed_value: "2470.96" },
      },
    },
  };

  it("reads the warning's message and asks for attention until a reviewer answers it", () => {
    const total = readFields(doc(structured, null)).find((f) => f.name === "total_amount");
    expect(total?.warning).toBe("The printed document shows total 2470.96.");
    expect(needsAttention(total!, "2370.96")).toBe(true);
    const answered = readFields(doc(structured, { fields: { total_amount: "2370.96" } })).find((f) => f.name === "total_amount");
    expect(needsAttention(answered!, "2370.96")).toBe(false);
  });
});
