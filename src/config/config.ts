import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { coded } from '../core/zod-field-errors.js';
import { defaultContentDir } from '../content/content-dir.js';

/** Configuration read from the environment, validated once at start. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  contentDir: string;
  publicUrl: string;
  secureCookies: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  loginMaxAttempts: number;
  lockoutMinutes: number;
  /** Base of the progressive delay before a password is checked after failures (ms); 0 turns it off. */
  loginDelayMs: number;
  /** Login and setup attempts allowed per client address per minute. */
  loginRatePerMinute: number;
  anonymousReadDefault: boolean;
  /**
   * Which proxies in front of tebiki to believe about the client address
   * (X-Forwarded-For): false (default, none), true (any), a hop count, or a list
   * of addresses/CIDRs. Behind nginx the login rate limit needs the real client.
   */
  trustProxy: boolean | number | string[];
  /** Networks (addresses or CIDRs) probe runs from this server may reach; any when unset. */
  probeNetworks?: string[] | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /** Outgoing mail; notifications stay in the inbox only when unset. */
  mail?: MailConfig | undefined;
  /** OpenID Connect single sign-on; off when unset. */
  oidc?: OidcConfig | undefined;
  /** Largest firmware image accepted for analysis, in bytes (TEBIKI_FIRMWARE_MAX_MB). */
  firmwareMaxBytes: number;
}

export interface MailConfig {
  /** smtp://user:pass@host:port or smtps://… (nodemailer's URL form). */
  smtpUrl: string;
  from: string;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The ID-token claim that carries the user's email. */
  emailClaim: string;
}

export class ConfigError extends Error {
  readonly code = 'config-invalid';
}

const intIn = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  PORT: intIn(0, 65535).default(8080), // 0: any free port (tests)
  HOST: z.string().min(1).default('localhost'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  TEBIKI_DATA_DIR: z.string().min(1).default('./data'),
  TEBIKI_CONTENT_DIR: z.string().min(1).optional(),
  TEBIKI_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  TEBIKI_SECURE_COOKIES: bool.optional(),
  TEBIKI_SESSION_IDLE_MINUTES: intIn(1, 24 * 60).default(30),
  TEBIKI_SESSION_MAX_HOURS: intIn(1, 24 * 30).default(12),
  TEBIKI_LOGIN_MAX_ATTEMPTS: intIn(1, 100).default(5),
  TEBIKI_LOCKOUT_MINUTES: intIn(1, 24 * 60).default(15),
  TEBIKI_LOGIN_DELAY_MS: intIn(0, 10_000).default(250),
  TEBIKI_LOGIN_RATE_PER_MINUTE: intIn(1, 10_000).default(10),
  TEBIKI_ANONYMOUS_READ: bool.default(false),
  TEBIKI_TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|\d{1,2}|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/,
      'must be false, true, a hop count, or a comma-separated list of proxy addresses or CIDRs',
    )
    .default('false'),
  TEBIKI_PROBE_NETWORKS: z
    .string()
    .regex(/^[0-9a-fA-F.:]+(\/\d{1,3})?(,[0-9a-fA-F.:]+(\/\d{1,3})?)*$/, 'must be a comma-separated list of addresses or CIDRs')
    .refine((v) => v.split(',').every(validNetwork), coded('must be a comma-separated list of addresses or CIDRs', 'bad-format'))
    .optional(),
  TEBIKI_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  TEBIKI_SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  TEBIKI_MAIL_FROM: z.email('must be an email address').default('tebiki@localhost'),
  TEBIKI_OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  TEBIKI_OIDC_CLIENT_ID: z.string().min(1).optional(),
  TEBIKI_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  TEBIKI_OIDC_EMAIL_CLAIM: z.string().min(1).default('email'),
  TEBIKI_FIRMWARE_MAX_MB: intIn(1, 64 * 1024).default(256),
});

/** An IPv4/IPv6 address, optionally with a prefix length that fits it. */
function validNetwork(text: string): boolean {
  const [address = '', prefix] = text.split('/');
  const version = isIP(address);
  return version !== 0 && (prefix === undefined || Number(prefix) <= (version === 6 ? 128 : 32));
}

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = String(i.path[0]);
      return `${name}=${JSON.stringify(env[name] ?? '')}: ${i.message}`;
    });
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const publicUrl = (e.TEBIKI_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.TEBIKI_DATA_DIR),
    contentDir: resolve(e.TEBIKI_CONTENT_DIR ?? defaultContentDir()),
    publicUrl,
    secureCookies: e.TEBIKI_SECURE_COOKIES ?? publicUrl.startsWith('https://'),
    sessionIdleMinutes: e.TEBIKI_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.TEBIKI_SESSION_MAX_HOURS,
    loginMaxAttempts: e.TEBIKI_LOGIN_MAX_ATTEMPTS,
    lockoutMinutes: e.TEBIKI_LOCKOUT_MINUTES,
    loginDelayMs: e.TEBIKI_LOGIN_DELAY_MS,
    loginRatePerMinute: e.TEBIKI_LOGIN_RATE_PER_MINUTE,
    anonymousReadDefault: e.TEBIKI_ANONYMOUS_READ,
    trustProxy: trustProxyOf(e.TEBIKI_TRUST_PROXY),
    probeNetworks: e.TEBIKI_PROBE_NETWORKS?.split(','),
    logLevel: e.TEBIKI_LOG_LEVEL,
    mail: e.TEBIKI_SMTP_URL ? { smtpUrl: e.TEBIKI_SMTP_URL, from: e.TEBIKI_MAIL_FROM } : undefined,
    oidc: oidcOf(e),
    firmwareMaxBytes: e.TEBIKI_FIRMWARE_MAX_MB * 1024 * 1024,
  };
}

/** Single sign-on needs issuer, client id and secret together; one without the others is a mistake. */
function oidcOf(e: z.output<typeof EnvSchema>): OidcConfig | undefined {
  const parts = {
    TEBIKI_OIDC_ISSUER: e.TEBIKI_OIDC_ISSUER,
    TEBIKI_OIDC_CLIENT_ID: e.TEBIKI_OIDC_CLIENT_ID,
    TEBIKI_OIDC_CLIENT_SECRET: e.TEBIKI_OIDC_CLIENT_SECRET,
  };
  const missing = Object.entries(parts)
    .filter(([, v]) => v === undefined)
    .map(([k]) => k);
  if (missing.length === 3) return undefined;
  if (missing.length > 0)
    throw new ConfigError(`invalid configuration:\n  ${missing.map((k) => `${k}: is required when single sign-on is configured`).join('\n  ')}`);
  return {
    issuer: String(e.TEBIKI_OIDC_ISSUER),
    clientId: String(e.TEBIKI_OIDC_CLIENT_ID),
    clientSecret: String(e.TEBIKI_OIDC_CLIENT_SECRET),
    emailClaim: e.TEBIKI_OIDC_EMAIL_CLAIM,
  };
}

function trustProxyOf(value: string): boolean | number | string[] {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',');
}
