"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type MouseEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { IntentLink } from "@/components/ui/intent-link";
import { Dialog } from "@/components/ui/dialog";
import { useFormat } from "@/components/ui/format-context";
import { StatusBadge } from "@/components/ui/status-badge";
import { ApiError, errorMessage, NetworkError } from "@/lib/api/errors";
import { useOnline } from "@/offline/hooks";
import { queryKeys } from "@/lib/api/keys";
import { useDeleteDocument } from "../api/delete-document";
import { useDocument } from "../api/get-document";
import { useJobEvents } from "../api/get-job-events";
import { isFinalized, type FieldSource } from "../fields";
import { useDocumentQueue } from "../hooks/use-document-queue";
import { useReviewShortcuts } from "../hooks/use-review-shortcuts";
import { DeleteDialog } from "./delete-dialog";
import { DocumentViewer } from "./document-viewer";
import { DuplicateBanners } from "./duplicate-banners";
import { EditHistory } from "./edit-history";
import { ExportButtons } from "./export-buttons";
import { JobPanel, liveJob } from "./job-panel";
import { JobTimeline } from "./job-timeline";
import { ReviewForm, type ReviewFormHandle } from "./review-form";
import { ShortcutsDialog } from "./shortcuts-dialog";

export interface ReviewPermissions {
  write: boolean;
  export: boolean;
  admin: boolean;
}

export interface ReviewScreenProps {
  documentId: string;
  permissions: ReviewPermissions;
  currentUserId: string | null;
}

const NAV_LINK =
  "inline-flex min-h-11 items-center gap-1 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-100";
const NAV_DISABLED = "inline-flex min-h-11 items-center gap-1 rounded-md border border-slate-200 px-3 text-sm text-slate-400";

/** `/documents/<id>`: the document beside its fields, the job, the history, and the way through the queue. */
export function ReviewScreen({ documentId, permissions, currentUserId }: ReviewScreenProps) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const query = useDocument(documentId);
  const document = query.data?.document;
  const events = useJobEvents(document?.job?.id);
  const queue = useDocumentQueue(documentId);
  const format = useFormat();
  const [highlight, setHighlight] = useState<FieldSource | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [leaveTo, setLeaveTo] = useState<string | null>(null);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const removal = useDeleteDocument(documentId);
  const formRef = useRef<ReviewFormHandle | null>(null);
  const online = useOnline();

  const job = document ? liveJob(document, events.data) : null;

  // The job ended (seen on the timeline) but the detail still says queued/processing: fetch it once.
  const jobEnded = job && ["completed", "failed", "cancelled"].includes(job.status);
  const detailRunning = document && ["queued", "processing"].includes(document.current_status);
  useEffect(() => {
    if (jobEnded && detailRunning) void queryClient.invalidateQueries({ queryKey: queryKeys.document(documentId) });
  }, [jobEnded, detailRunning, queryClient, documentId]);

  // Another version (a save here or elsewhere): the history has a new line.
  const version = document?.extraction?.version;
  const seenVersion = useRef(version);
  useEffect(() => {
    if (seenVersion.current !== undefined && version !== seenVersion.current) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.documentHistory(documentId) });
    }
    seenVersion.current = version;
  }, [version, queryClient, documentId]);

  // Closing the tab with unsaved edits asks first.
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [dirty]);

  const go = useCallback(
    (href: string) => {
      if (dirty) setLeaveTo(href);
      else router.push(href);
    },
    [dirty, router],
  );

  const guardLink = (href: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (!dirty || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    setLeaveTo(href);
  };

  useReviewShortcuts({
    help: () => setHelpOpen(true),
    nextField: () => formRef.current?.moveToAttention(1) ?? false,
    previousField: () => formRef.current?.moveToAttention(-1) ?? false,
    save: () => formRef.current?.save() ?? false,
    finalize: () => formRef.current?.openFinalize() ?? false,
    nextDocument: () => (queue.next ? (go(`/documents/${queue.next}`), true) : false),
    previousDocument: () => (queue.previous ? (go(`/documents/${queue.previous}`), true) : false),
  });

  const onDirtyChange = useCallback((value: boolean) => setDirty(value), []);

  // Offline with nothing kept for this document (never opened on this device): say so plainly.
  const unreachable = query.error instanceof NetworkError || (!online && !(query.error instanceof ApiError));
  const notOffline = !document && unreachable && (query.isError || query.fetchStatus === "paused");
  if (notOffline) {
    return (
      <ScreenMessage
        title="Not available offline · Docflow"
        heading="This document is not available offline"
        retry={online ? () => void query.refetch() : undefined}
        backHref={queue.backHref}
      >
        It was not opened on this device while online, so its fields and file are not stored here. Connect to the internet to open it;
        the dashboard, the documents you opened before, uploads and the outbox work offline.
      </ScreenMessage>
    );
  }

  if (query.isPending) {
    return (
      <div aria-busy="true" className="space-y-4">
        <Link href={queue.backHref} className="text-sm font-medium text-brand-700 underline underline-offset-2">
          Back to documents
        </Link>
        <p className="text-slate-600">Loading the document…</p>
        <div className="grid gap-4 md:grid-cols-2">
          <div className="h-80 animate-pulse rounded-lg bg-slate-200 md:h-[60dvh]" />
          <div className="h-80 animate-pulse rounded-lg bg-slate-200" />
        </div>
      </div>
    );
  }

  // A failed refetch (offline: networkMode offlineFirst asks anyway) keeps the last known data on screen.
  const detail = query.data;
  if (detail?.deleted) {
    return (
      <ScreenMessage title="Document deleted · Docflow" heading="This document was deleted" backHref={queue.backHref}>
        {detail.document.original_filename} was deleted, with its file, fields and history.
      </ScreenMessage>
    );
  }
  const notFound = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 422);
  if (!document || !detail || notFound) {
    return (
      <ScreenMessage
        title={notFound ? "Document not found · Docflow" : "Docflow"}
        heading={notFound ? "Document not found" : "The document could not be loaded"}
        retry={notFound ? undefined : () => void query.refetch()}
        backHref={queue.backHref}
      >
        {notFound ? "There is no such document in your workspace. It may have been removed, or the link is wrong." : errorMessage(query.error)}
      </ScreenMessage>
    );
  }

  const finalized = isFinalized(document);

  return (
    <div className="space-y-4">
      <title>{`${document.original_filename} · Docflow`}</title>
      <nav aria-label="Documents" className="flex flex-wrap items-center gap-2">
        <IntentLink href={queue.backHref} onClick={guardLink(queue.backHref)} className={NAV_LINK}>
          <span aria-hidden="true">←</span> Back to documents
        </IntentLink>
        <span className="flex-1" />
        {queue.position !== null ? (
          <span className="flex items-center gap-2">
            {queue.previous ? (
              <IntentLink href={`/documents/${queue.previous}`} onClick={guardLink(`/documents/${queue.previous}`)} className={NAV_LINK} rel="prev">
                <span aria-hidden="true">‹</span> Previous
              </IntentLink>
            ) : (
              <span className={NAV_DISABLED} aria-disabled="true">
                <span aria-hidden="true">‹</span> Previous
              </span>
            )}
            <span className="text-sm whitespace-nowrap text-slate-700">
              {queue.position} of {queue.total}
            </span>
            {queue.next ? (
              <IntentLink href={`/documents/${queue.next}`} onClick={guardLink(`/documents/${queue.next}`)} className={NAV_LINK} rel="next">
                Next <span aria-hidden="true">›</span>
              </IntentLink>
            ) : (
              <span className={NAV_DISABLED} aria-disabled="true">
                Next <span aria-hidden="true">›</span>
              </span>
            )}
          </span>
        ) : null}
        <span className="hidden md:inline">
          <Button variant="ghost" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">
            <span aria-hidden="true">⌨</span> Keyboard shortcuts
          </Button>
        </span>
      </nav>

      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="break-all text-xl font-semibold text-slate-900 sm:text-2xl">{document.original_filename}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-700">
            <StatusBadge status={document.current_status} />
            <span>Uploaded {format.dateTime(document.uploaded_at)}</span>
            <span aria-hidden="true">·</span>
            <span>{format.bytes(document.file_size)}</span>
            {document.extraction ? (
              <>
                <span aria-hidden="true">·</span>
                <span>
                  {document.extraction.page_count} page{document.extraction.page_count === 1 ? "" : "s"}
                </span>
              </>
            ) : null}
          </p>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          {permissions.export && document.extraction ? <ExportButtons documentId={document.id} finalized={finalized} /> : null}
          {permissions.write && (!finalized || permissions.admin) ? (
            <Button variant="ghost" onClick={() => setDeleteOpen(true)} disabled={!online} title={online ? undefined : "Deleting needs a connection"}>
              Delete
            </Button>
          ) : null}
        </div>
      </header>

      <DuplicateBanners document={document} />

      <div className="grid items-start gap-4 md:grid-cols-2 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 md:sticky md:top-4">
          <DocumentViewer
            documentId={document.id}
            mimeType={document.mime_type}
            pageCount={document.extraction?.page_count ?? null}
            highlight={highlight}
            preview={document.preview ?? null}
          />
        </div>
        <div className="min-w-0 space-y-4">
          <JobPanel document={document} job={job} canWrite={permissions.write} />
          {document.extraction ? (
            <ReviewForm
              key={document.id}
              detail={detail}
              canWrite={permissions.write}
              onHighlight={setHighlight}
              onDirtyChange={onDirtyChange}
              handleRef={formRef}
            />
          ) : null}
          {document.extraction ? (
            <EditHistory documentId={document.id} currentUserId={currentUserId} canListUsers={permissions.admin} />
          ) : null}
          <JobTimeline events={events} />
        </div>
      </div>

      <ShortcutsDialog open={helpOpen} onOpenChange={setHelpOpen} />
      <DeleteDialog
        open={deleteOpen}
        onOpenChange={(open) => {
          setDeleteOpen(open);
          if (!open) removal.reset();
        }}
        filename={document.original_filename}
        finalized={finalized}
        busy={removal.isPending}
        error={removal.error ? errorMessage(removal.error) : null}
        onConfirm={() =>
          removal.mutate(undefined, {
            onSuccess: () => {
              setDeleteOpen(false);
              router.push(queue.backHref);
            },
          })
        }
      />
      <Dialog
        open={leaveTo !== null}
        onOpenChange={(open) => (open ? undefined : setLeaveTo(null))}
        title="Leave without saving?"
        description="Your unsaved changes to this document will be lost."
      >
        <div className="flex flex-wrap justify-end gap-2">
          <Button onClick={() => setLeaveTo(null)}>Stay</Button>
          <Button
            variant="danger"
            onClick={() => {
              const href = leaveTo;
              setLeaveTo(null);
              setDirty(false);
              if (href) router.push(href);
            }}
          >
            Discard changes and leave
          </Button>
        </div>
      </Dialog>
    </div>
  );
}

/** The screen instead of the document: why it is not shown, Try again (when it may help), the way back. */
function ScreenMessage({
  title,
  heading,
  retry,
  backHref,
  children,
}: {
  title: string;
  heading: string;
  retry?: () => void;
  backHref: string;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-xl space-y-4 py-8">
      <title>{title}</title>
      <h1 className="text-2xl font-semibold">{heading}</h1>
      <p role="alert" className="text-slate-700">
        {children}
      </p>
      <div className="flex flex-wrap gap-2">
        {retry ? (
          <Button variant="primary" onClick={retry}>
            Try again
          </Button>
        ) : null}
        <Link href={backHref} className={NAV_LINK}>
          Back to documents
        </Link>
      </div>
    </div>
  );
}
