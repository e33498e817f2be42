import type { Problem } from './types';

/**
 * The one place the browser talks HTTP. Same-origin cookies carry the session;
 * every state-changing request carries the CSRF token from the latest
 * /api/session or login answer. Every call goes through `send`, so an error
 * always arrives as one `ApiError`.
 */

let csrfToken = '';

/** Remember the token the server handed out last. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** An API call that did not succeed: an HTTP error or no answer at all. */
export class ApiError extends Error {
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

/**
 * Whatever a failed call threw, as an `ApiError`: an `ApiError` as it is,
 * anything else (a bug, a broken answer) as one without a server answer.
 */
export function asApiError(caught: unknown): ApiError {
  return caught instanceof ApiError ? caught : new ApiError(0, {});
}

/** True for the error of a call that was cancelled on purpose (a page left, a newer request). */
export function isAbort(caught: unknown): boolean {
  return caught instanceof DOMException && caught.name === 'AbortError';
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
}

async function readProblem(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const parsed: unknown = await response.json();
      if (parsed && typeof parsed === 'object') return parsed as Problem;
    } catch {
      // Fall through to a problem made from the status line.
    }
  }
  return { status: response.status, title: response.statusText };
}

/**
 * The fetch core: headers (accept, CSRF on every change), same-origin
 * credentials, and one error type. Resolves with the response when it is OK.
 */
async function send(
  method: Method,
  path: string,
  init: { headers?: Record<string, string>; body?: BodyInit | null; signal?: AbortSignal | undefined },
): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', body: init.body ?? null, signal: init.signal ?? null });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(0, { status: 0 });
  }
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  return response;
}

/** The JSON body of an answer, or undefined for 204. */
async function json<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Send one request; resolve with the parsed JSON body, or undefined for 204. */
export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const withBody = options.body !== undefined;
  return json<T>(
    await send(method, path, {
      headers: withBody ? { 'content-type': 'application/json' } : {},
      body: withBody ? JSON.stringify(options.body) : null,
      signal: options.signal,
    }),
  );
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, signal ? { signal } : {}),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/**
 * Send bytes as they are (a file upload) with their own content type and
 * extra headers; the answer is JSON like every other call.
 */
export async function sendBytes<T>(method: 'POST' | 'PUT', path: string, bytes: Blob, headers: Record<string, string>): Promise<T> {
  return json<T>(await send(method, path, { headers, body: bytes }));
}

/** POST JSON and receive a file (an export): the bytes and the file name the server suggests. */
export async function postForFile(path: string, body: unknown): Promise<{ blob: Blob; filename: string | null }> {
  const response = await send('POST', path, { headers: { accept: '*/*', 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const disposition = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  let filename: string | null = plain ?? null;
  if (star) {
    try {
      filename = decodeURIComponent(star);
    } catch {
      // Keep the plain name.
    }
  }
  return { blob: await response.blob(), filename };
}

/** Build a path from segments, escaping each one. */
export function apiPath(...segments: string[]): string {
  return `/api/${segments.map(encodeURIComponent).join('/')}`;
}
