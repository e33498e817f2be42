/** Service probes: which declared ports answer (with banners), and which speak cleartext. */
import { header, httpRequest } from '../net/http-client.js';
import { definitionOf } from '../probe-definition.js';
import { type Probe, type ProbeContext, result } from '../probe.types.js';
import { handshake } from '../tls/handshake.js';
import { mqttSession } from '../mqtt/mqtt-client.js';
import { judgePages } from '../web/crawl.js';
import { readBanner, showBanner } from './banner.js';
import { SERVICE_KINDS } from '../scope.schema.js';

async function look(ctx: ProbeContext): Promise<{ answered: boolean; banner: string }> {
  switch (ctx.kind) {
    case 'http':
    case 'https': {
      const res = await httpRequest(ctx, { method: 'HEAD', path: '/' });
      return { answered: true, banner: `HTTP ${res.status}${header(res, 'server') ? ` Server: ${header(res, 'server')}` : ''}` };
    }
    case 'tls':
    case 'mqtts': {
      const h = await handshake(ctx);
      if (!h.ok) return { answered: false, banner: h.error ?? '' };
      if (ctx.kind === 'tls') return { answered: true, banner: `${h.protocol} ${h.cipher}` };
      const s = await mqttSession(ctx, { tls: true });
      return { answered: true, banner: `${h.protocol}, MQTT CONNACK ${s.connack ?? 'none'}` };
    }
    case 'mqtt': {
      const s = await mqttSession(ctx, { tls: false });
      return { answered: s.connack !== null, banner: `MQTT CONNACK ${s.connack ?? 'none'}` };
    }
    default: {
      const data = await readBanner(ctx);
      return { answered: true, banner: showBanner(data) };
    }
  }
}

export const inventoryProbe: Probe = {
  definition: definitionOf('service.inventory'),
  kinds: [...SERVICE_KINDS, 'unknown'],
  evidenceFields: {
    declared: 'the declared kind',
    detected: 'the kind used (detected for auto)',
    answered: 'whether the port answered',
    banner: 'its banner or first answer, trimmed',
  },
  async run(ctx) {
    const declared = ctx.service.kind;
    try {
      const { answered, banner } = await look(ctx);
      const evidence = { declared, detected: ctx.kind, answered, banner };
      if (!answered) return result('error', '宣言したポートが応答しない', 'The declared port does not answer', evidence);
      return result('pass', `応答する: ${banner}`, `Answers: ${banner}`, evidence);
    } catch (err) {
      return result('error', '宣言したポートが応答しない', 'The declared port does not answer', {
        declared,
        detected: ctx.kind,
        answered: false,
        error: (err as Error).message,
      });
    }
  },
};

export const cleartextProbe: Probe = {
  definition: definitionOf('service.cleartext'),
  kinds: [...SERVICE_KINDS, 'unknown'],
  evidenceFields: { kind: 'the kind used', protocol: 'the cleartext protocol found, if any', loginPages: 'HTTP pages with a password form' },
  async run(ctx) {
    const kind = ctx.kind;
    if (kind === 'telnet' || kind === 'ftp') {
      const banner = await readBanner(ctx).then(showBanner, (err: Error) => `no answer: ${err.message}`);
      return result('fail', `平文のプロトコル ${kind} が開いている`, `Cleartext ${kind} is open`, { kind, protocol: kind, banner });
    }
    if (kind === 'mqtt') {
      const s = await mqttSession(ctx, { tls: false }).catch(() => ({ connack: null }));
      if (s.connack === null) return result('inconclusive', '平文の MQTT が応答しない', 'Cleartext MQTT did not answer', { kind });
      return result('fail', 'TLS なしの MQTT が応答する', 'MQTT answers without TLS', { kind, protocol: 'mqtt', connack: s.connack });
    }
    if (kind === 'http') {
      return judgePages(ctx, (pages) => {
        const loginPages = pages.filter((p) => p.forms.some((f) => f.hasPassword)).map((p) => p.path);
        if (loginPages.length > 0)
          return result('fail', 'TLS なしの HTTP でログイン画面を配信する', 'Serves a login page over HTTP without TLS', {
            kind,
            protocol: 'http',
            loginPages,
          });
        return result('pass', 'HTTP にログイン画面は見当たらない', 'No login page over plain HTTP', { kind, loginPages, pagesVisited: pages.length });
      });
    }
    if (kind === 'unknown') return result('inconclusive', 'サービスの種類を判別できない', 'Could not tell what the service is', { kind });
    return result('pass', '暗号化されたプロトコル', 'An encrypted protocol', { kind });
  },
};
