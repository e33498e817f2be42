/** TLS handshakes for probes: one version or cipher set at a time, through the guard and the limiter. */
import type { X509Certificate } from 'node:crypto';
import type { SecureVersion, TLSSocket } from 'node:tls';
import { withConnection } from '../net/connection.js';
import type { ProbeContext } from '../probe.types.js';

export interface Handshake {
  ok: boolean;
  protocol?: string;
  cipher?: string;
  certificate?: X509Certificate;
  authorized?: boolean;
  authorizationError?: string;
  error?: string;
}

/** Any version and any suite this client knows: the probe wants to see what the server accepts. */
const PERMISSIVE = 'ALL:COMPLEMENTOFALL:@SECLEVEL=0';

export async function handshake(ctx: ProbeContext, opts: { min?: SecureVersion; max?: SecureVersion; ciphers?: string } = {}): Promise<Handshake> {
  try {
    return await withConnection(
      ctx,
      {
        minVersion: opts.min ?? 'TLSv1',
        maxVersion: opts.max ?? 'TLSv1.3',
        ciphers: opts.ciphers ? `${opts.ciphers}:@SECLEVEL=0` : PERMISSIVE,
        ca: ctx.trustedCaPem,
      },
      async (socket) => {
        const tls = socket as TLSSocket;
        return {
          ok: true,
          protocol: tls.getProtocol() ?? undefined,
          cipher: tls.getCipher()?.standardName,
          certificate: tls.getPeerX509Certificate(),
          authorized: tls.authorized,
          authorizationError: tls.authorizationError ? String(tls.authorizationError) : undefined,
        };
      },
    );
  } catch (err) {
    if (ctx.signal.aborted) throw err;
    return { ok: false, error: (err as Error).message };
  }
}

export const VERSIONS: SecureVersion[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

/** Which versions the service accepts, asked once per service and shared by the tls.* probes. */
export function acceptedVersions(ctx: ProbeContext): Promise<Record<SecureVersion, Handshake>> {
  return ctx.memo('tls.versions', async () => {
    const out = {} as Record<SecureVersion, Handshake>;
    for (const v of VERSIONS) out[v] = await handshake(ctx, { min: v, max: v });
    return out;
  });
}
