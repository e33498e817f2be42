/** Every probe, in the order a run reports them. */
import { anonymousProbe, mqttTlsProbe, wildcardSubscribeProbe } from './mqtt/mqtt.probes.js';
import type { Probe } from './probe.types.js';
import { cleartextProbe, inventoryProbe } from './service/service.probes.js';
import { sshAlgorithmsProbe, sshPasswordAuthProbe } from './ssh/ssh.probes.js';
import { certificateProbe, cipherSuitesProbe, protocolVersionsProbe } from './tls/tls.probes.js';
import { defaultCredentialsProbe, reflectedInputProbe, unauthenticatedAccessProbe } from './web/web-access.probes.js';
import { cookieFlagsProbe, hstsProbe, httpsRedirectProbe, loginOverHttpsProbe, secretsInUrlProbe, securityHeadersProbe } from './web/web-transport.probes.js';

export const PROBES: readonly Probe[] = [
  inventoryProbe,
  cleartextProbe,
  httpsRedirectProbe,
  hstsProbe,
  loginOverHttpsProbe,
  secretsInUrlProbe,
  cookieFlagsProbe,
  securityHeadersProbe,
  reflectedInputProbe,
  unauthenticatedAccessProbe,
  defaultCredentialsProbe,
  protocolVersionsProbe,
  certificateProbe,
  cipherSuitesProbe,
  anonymousProbe,
  wildcardSubscribeProbe,
  mqttTlsProbe,
  sshAlgorithmsProbe,
  sshPasswordAuthProbe,
];

export function probeById(id: string): Probe | undefined {
  return PROBES.find((p) => p.definition.id === id);
}
