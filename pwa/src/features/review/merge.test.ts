import { describe, expect, it } from "vitest";
import type { FieldValues } from "./fields";
import { changedFields, defaultChoices, planConflict, resolveConflict } from "./merge";

const BASE: FieldValues = {
  vendor_name: "Orion Software LLC",
  invoice_number: "RG-2026-346",
  invoice_date: "2026-04-10",
  total_amount: "38937.12",
  tax_amount: "2203.99",
  currency: "USD",
  status: "paid",
};

describe("changedFields", () => {
  it("is empty when nothing changed", () => {
    expect(changedFields(BASE, { ...BASE })).toEqual({});
  });
  it("holds only the changed fields, null for a cleared one", () => {
    expect(changedFields(BASE, { ...BASE, invoice_number: "RG-2026-347", status: null })).toEqual({
      invoice_number: "RG-2026-347",
      status: null,
    });
  });
  it("sends a value for a field that had none", () => {
    expect(changedFields({ ...BASE, tax_amount: null }, BASE)).toEqual({ tax_amount: "2203.99" });
  });
});

describe("a version conflict", () => {
  const mine: FieldValues = { ...BASE, invoice_number: "RG-2026-347", total_amount: "38937.21", status: null };
  const theirs: FieldValues = { ...BASE, total_amount: "40000.00", invoice_date: "2026-04-11", status: null };

  it("lists my changes the server does not already hold, marking the ones it changed too", () => {
    const plan = planConflict(BASE, mine, theirs);
    expect(plan.rows).toEqual([
      { name: "invoice_number", base: "RG-2026-346", mine: "RG-2026-347", theirs: "RG-2026-346", clash: false },
      { name: "total_amount", base: "38937.12", mine: "38937.21", theirs: "40000.00", clash: true },
    ]);
    // status: both cleared it — no decision needed; invoice_date: only the server changed it.
    expect(plan.serverOnly).toEqual(["invoice_date"]);
  });

  it("keeps mine by default and sends them against the server's version", () => {
    const plan = planConflict(BASE, mine, theirs);
    const { values, changes } = resolveConflict(theirs, plan, defaultChoices(plan));
    expect(changes).toEqual({ invoice_number: "RG-2026-347", total_amount: "38937.21" });
    expect(values).toEqual({ ...theirs, invoice_number: "RG-2026-347", total_amount: "38937.21" });
  });

  it("takes the server's value where the reviewer chooses it", () => {
    const plan = planConflict(BASE, mine, theirs);
    const { values, changes } = resolveConflict(theirs, plan, { invoice_number: "mine", total_amount: "theirs" });
    expect(changes).toEqual({ invoice_number: "RG-2026-347" });
    expect(values.total_amount).toBe("40000.00");
    expect(values.invoice_date).toBe("2026-04-11");
  });

  it("sends nothing when every server value is kept", () => {
    const plan = planConflict(BASE, mine, theirs);
    expect(resolveConflict(theirs, plan, { invoice_number: "theirs", total_amount: "theirs" }).changes).toEqual({});
  });

  it("has nothing to decide when the server already holds my values", () => {
    const plan = planConflict(BASE, mine, mine);
    expect(plan.rows).toEqual([]);
    expect(plan.serverOnly).toEqual([]);
    expect(resolveConflict(mine, plan, {}).changes).toEqual({});
  });
});
