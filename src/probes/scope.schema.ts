/**
 * The scope of a probe run: who allowed it, when, which hosts and ports, and how
 * gently. Nothing is ever sent outside it (see scope-guard.ts). The JSON Schema for
 * editors is generated from this zod schema (`npm run schema`).
 */
import { z } from 'zod';
import { coded } from '../core/zod-field-errors.js';

export const SERVICE_KINDS = ['http', 'https', 'tls', 'mqtt', 'mqtts', 'ssh', 'telnet', 'ftp', 'auto'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

const nonBlank = z.string().trim().min(1, 'must not be empty');
const urlPath = z.string().regex(/^\/[^\s#]*$/, 'must be a path starting with "/" (no spaces, no fragment)');
const instant = z.iso.datetime({ offset: true });

export const ScopeCredential = z.object({ user: nonBlank, password: z.string() }).strict();
export type ScopeCredential = z.infer<typeof ScopeCredential>;

export const ScopeService = z
  .object({
    port: z.number().int().min(1).max(65535),
    kind: z.enum(SERVICE_KINDS).describe('http | https | tls | mqtt | mqtts | ssh | telnet | ftp | auto (detected from what the port answers)'),
  })
  .strict();
export type ScopeService = z.infer<typeof ScopeService>;

export const ScopeWebLogin = z
  .object({
    path: urlPath.describe('where the product takes credentials (an endpoint its own script posts to)'),
    format: z.enum(['json', 'form']).default('json').describe('how the credentials are sent: a JSON object or a urlencoded form body'),
    userField: nonBlank.default('username'),
    passwordField: nonBlank.default('password'),
    csrf: z
      .object({
        path: urlPath.describe('a GET that hands out the anti-CSRF token, with its cookies'),
        field: nonBlank.describe("the token's field in that JSON answer"),
        header: nonBlank.describe('the request header the token goes back in'),
      })
      .strict()
      .optional(),
  })
  .strict();
export type ScopeWebLogin = z.infer<typeof ScopeWebLogin>;

export const ScopeWeb = z
  .object({
    paths: z.array(urlPath).default(['/']).describe('pages to look at besides what the pages link to (same service only)'),
    protectedPaths: z.array(urlPath).default([]).describe('must not be reachable without logging in'),
    defaultCredentials: z.array(ScopeCredential).default([]).describe("the product's declared factory defaults"),
    login: ScopeWebLogin.optional().describe('the login endpoint, declared when the login page is drawn by a script and has no HTML form to find'),
  })
  .strict();

export const ScopeMqtt = z.object({ credentials: ScopeCredential.optional().describe('an ordinary account, to check what it may subscribe to') }).strict();

export const ScopeSsh = z.object({ user: nonBlank.default('tebiki-probe').describe('the user name asked for (never logged in)') }).strict();

export const ScopeTarget = z
  .object({
    host: nonBlank.describe('an address or a host name (resolved once, before the run)'),
    services: z.array(ScopeService).min(1),
    web: ScopeWeb.optional(),
    mqtt: ScopeMqtt.optional(),
    ssh: ScopeSsh.optional(),
  })
  .strict();
export type ScopeTarget = z.infer<typeof ScopeTarget>;

export const DEFAULT_LIMITS = { connectionsPerTarget: 2, requestsPerSecond: 5, maxLoginAttempts: 3 } as const;

export const ScopeLimits = z
  .object({
    connectionsPerTarget: z.number().int().min(1).max(64).default(DEFAULT_LIMITS.connectionsPerTarget),
    requestsPerSecond: z.number().positive().max(1000).default(DEFAULT_LIMITS.requestsPerSecond),
    maxLoginAttempts: z.number().int().min(0).max(10).default(DEFAULT_LIMITS.maxLoginAttempts),
  })
  .strict();
export type ScopeLimits = z.infer<typeof ScopeLimits>;

const cidr = z.string().regex(/^[0-9a-fA-F:.]+\/\d{1,3}$/, 'must be a network like 127.0.0.0/8');

export const Scope = z
  .object({
    name: nonBlank,
    authorisedBy: nonBlank.describe('who allowed this run'),
    window: z.object({ from: instant, to: instant }).strict(),
    limits: ScopeLimits.default({ ...DEFAULT_LIMITS }),
    trustedCa: z.string().optional().describe("a private CA (PEM file relative to the scope, or PEM text) the lab's devices use"),
    allowedNetworks: z.array(cidr).optional().describe('when given, every resolved address must lie in one of these networks'),
    targets: z.array(ScopeTarget).min(1),
  })
  .strict()
  .refine((s) => Date.parse(s.window.from) < Date.parse(s.window.to), coded('window.from must be before window.to', 'invalid', ['window', 'to']));
export type Scope = z.infer<typeof Scope>;
