// Calls to the three services. The request and offer services may sit on other origins (see
// aidmatch.portal.*); they admit this page through their CORS allow-list. The key travels in a
// header on every call and is kept in sessionStorage, so it lives as long as this tab.
import { language } from './i18n.js';

const KEY = 'aidmatch.apiKey';
let bases = { request: '', offer: '', matcher: '' };

export function configure(settings) {
  bases = { request: settings.requestServiceUrl || '', offer: settings.offerServiceUrl || '', matcher: '' };
}

export const apiKey = () => sessionStorage.getItem(KEY);
export const rememberKey = (key) => sessionStorage.setItem(KEY, key);
export const forgetKey = () => sessionStorage.removeItem(KEY);

/** A problem+json answer (RFC 9457), or a network failure with status 0. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || 'HTTP ' + status);
    this.status = status;
    this.problem = problem;
  }

  /** The field errors of a 400, by field name. */
  fieldErrors() {
    const byField = {};
    (this.problem.errors || []).forEach((error) => { byField[error.field] = error.message; });
    return byField;
  }
}

export function url(service, path) {
  return bases[service] + path;
}

export async function call(service, path, { method = 'GET', body, contentType, raw = false, signal, headers = {} } = {}) {
  const sent = { 'Accept-Language': language(), ...headers };
  if (apiKey()) sent['X-Api-Key'] = apiKey();
  let payload = body;
  if (body !== undefined && contentType === undefined) {
    sent['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  } else if (contentType) {
    sent['Content-Type'] = contentType;
  }
  let response;
  try {
    response = await fetch(url(service, path), { method, headers: sent, body: payload, signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, { detail: e.message });
  }
  if (!response.ok) {
    let problem = {};
    try { problem = await response.json(); } catch (ignored) { problem = { status: response.status }; }
    throw new ApiError(response.status, problem);
  }
  if (raw) return response;
  return response.status === 204 ? null : response.json();
}

/** Fetches a file with the key and hands it to the browser as a download. */
export async function download(service, path, fallbackName) {
  const response = await call(service, path, { raw: true });
  const disposition = response.headers.get('Content-Disposition') || '';
  const name = (disposition.match(/filename="?([^";]+)"?/) || [])[1] || fallbackName;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}
