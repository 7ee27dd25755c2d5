import { getCsrfToken } from "./csrf";
import { NetworkError, toApiError } from "./errors";
import type { components } from "./schema";
import { notifySessionExpired } from "./session-events";

export type UploadAnswer = components["schemas"]["UploadResult"];

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadOptions {
  idempotencyKey: string;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

/**
 * POST /api/documents/upload for one file with its Idempotency-Key, over XHR so the bytes sent
 * can be shown (fetch has no upload progress over HTTP/1.1). Resolves with the 202 body; rejects
 * with an ApiError (the envelope: 413/415/422 verdicts, 409 still running, 5xx) or a NetworkError.
 */
export function uploadFile(file: Blob, filename: string, options: UploadOptions): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/documents/upload");
    xhr.withCredentials = true;
    xhr.responseType = "json";
    xhr.setRequestHeader("Idempotency-Key", options.idempotencyKey);
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader("X-CSRF-Token", csrf);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.({ loaded: event.loaded, total: event.total });
    };
    xhr.onload = () => {
      if (xhr.status === 202 || xhr.status === 200) {
        resolve(xhr.response as UploadAnswer);
        return;
      }
      if (xhr.status === 401) notifySessionExpired();
      if (xhr.status === 0) {
        reject(new NetworkError());
        return;
      }
      reject(toApiError(xhr.status, xhr.response, xhr.getResponseHeader("Retry-After")));
    };
    xhr.onerror = () => reject(new NetworkError());
    xhr.ontimeout = () => reject(new NetworkError("The upload timed out."));
    xhr.onabort = () => reject(new DOMException("The upload was cancelled.", "AbortError"));
    options.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append("files", file, filename);
    xhr.send(form);
  });
}
