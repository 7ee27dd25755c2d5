/** Why the original file could not be shown, in words a reviewer can act on. */
export interface ViewerError {
  message: string;
  /** Whether trying again might help (a network blip, a 5xx, an ended session). */
  retryable: boolean;
}

export function httpFileError(status: number): ViewerError {
  if (status === 401) {
    return { message: "Your session has ended, so the document cannot be shown. Sign in again, then try again.", retryable: true };
  }
  if (status === 403) return { message: "Your role may not open this document's file.", retryable: false };
  if (status === 404) {
    return { message: "The document's file was not found. It may have been deleted.", retryable: false };
  }
  if (status >= 500) {
    return { message: `The server could not send the document (HTTP ${status}). Try again in a moment.`, retryable: true };
  }
  return { message: `The document could not be loaded (HTTP ${status}).`, retryable: true };
}

export const NETWORK_FILE_ERROR: ViewerError = {
  message: "The document could not be downloaded. Check your connection and try again.",
  retryable: true,
};

/** PDF.js failures, told apart by the exception's name (its classes live in the lazily loaded module). */
export function pdfError(error: unknown): ViewerError {
  const name = error instanceof Error || (typeof error === "object" && error !== null) ? (error as { name?: unknown }).name : undefined;
  if (name === "InvalidPDFException") {
    return { message: "This PDF cannot be read: the file is damaged or incomplete. You can still download the original.", retryable: false };
  }
  if (name === "PasswordException") {
    return { message: "This PDF is protected by a password, so it cannot be shown here. You can download the original.", retryable: false };
  }
  return { message: "The PDF could not be displayed.", retryable: true };
}

/** A render that was cancelled on purpose (zoom changed, page scrolled away, viewer closed). */
export function isCancellation(error: unknown): boolean {
  const name = typeof error === "object" && error !== null ? (error as { name?: unknown }).name : undefined;
  return name === "RenderingCancelledException" || name === "AbortException" || name === "AbortError";
}
