import { exportHref, type DashboardFilters } from "../schemas";

export type ExportFormat = "csv" | "json";

/**
 * GET /api/exports: the finalized documents among the current filters, as a file. A plain link
 * (the session cookie goes with it) so the browser streams the download itself.
 */
export function exportDocumentsUrl(filters: DashboardFilters, format: ExportFormat): string {
  return exportHref(filters, format);
}
