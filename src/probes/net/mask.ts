/** Masks secrets before anything becomes evidence: passwords, cookies, tokens. */

const SECRET_NAME = /pass|pwd|secret|token|session|sessid|^sid$|^auth|api[-_]?key|cred/i;
export const MASK = '***';

/** A URL or path with the values of secret-looking query parameters masked. */
export function maskUrl(url: string): string {
  return url.replace(/([?&;])([^=&#;]+)=([^&#;]*)/g, (whole, sep: string, name: string) =>
    SECRET_NAME.test(decodeURIComponentSafe(name)) ? `${sep}${name}=${MASK}` : whole,
  );
}

/** A Set-Cookie header with its value masked, attributes kept. */
export function maskSetCookie(setCookie: string): string {
  return setCookie.replace(/^([^=;]+)=([^;]*)/, (_, name: string) => `${name.trim()}=${MASK}`);
}

export function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Cuts long text for evidence. */
export function trim(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Names of secret-looking parameters (for the secrets-in-url probe). */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}
