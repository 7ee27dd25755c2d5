import Link from "next/link";
import type { DocumentRead } from "../fields";

/** The same file uploaded before, or probably the same invoice (vendor, number and total agree). */
export function DuplicateBanners({ document }: { document: DocumentRead }) {
  const sameFile = document.duplicate_of;
  const sameInvoice = document.possible_duplicate_of && document.possible_duplicate_of !== sameFile ? document.possible_duplicate_of : null;
  if (!sameFile && !sameInvoice) return null;
  return (
    <div className="space-y-2">
      {sameFile ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <span className="font-semibold">Duplicate file:</span> this exact file was uploaded before.{" "}
          <Link href={`/documents/${sameFile}`} className="font-medium text-brand-700 underline underline-offset-2">
            Open the earlier upload
          </Link>
          {document.possible_duplicate_of === sameFile ? " — it holds the same invoice, which must not be paid twice." : null}
        </p>
      ) : null}
      {sameInvoice ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <span className="font-semibold">Possible duplicate invoice:</span> another document has the same vendor, invoice number and total.{" "}
          <Link href={`/documents/${sameInvoice}`} className="font-medium text-brand-700 underline underline-offset-2">
            Open the other document
          </Link>
        </p>
      ) : null}
    </div>
  );
}
