/**
 * Debian's mosquitto: the bad twin listens in cleartext and lets anyone in; the good
 * twin listens on TLS (certificate from the lab CA), needs a password, and its dynamic
 * security plugin refuses subscriptions outside an account's own topics (mosquitto's
 * acl_file would grant `#` in SUBACK and only filter on delivery).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestCerts } from './certs.js';
import { freePort, type RunningServer, startProcess } from './processes.js';

export interface MosquittoTwin {
  port: number;
  server: RunningServer;
}

export const MQTT_USER = { user: 'sensor1', password: 'not-the-default-1' };
const ADMIN = { user: 'lab-admin', password: 'lab-admin-password-1' };

export async function startMosquitto(dir: string, mode: 'bad' | 'good', certs: TestCerts, host = '127.0.0.1'): Promise<MosquittoTwin> {
  const port = await freePort(host);
  const conf = join(dir, `mosquitto-${mode}.conf`);
  const common = `user root\nper_listener_settings false\npersistence false\nlog_dest stderr\nlog_type error\n`;
  if (mode === 'bad') {
    writeFileSync(conf, `${common}listener ${port} ${host}\nallow_anonymous true\n`);
  } else {
    const dynsec = join(dir, 'dynsec.json');
    execFileSync('mosquitto_ctrl', ['dynsec', 'init', dynsec, ADMIN.user, ADMIN.password], { stdio: 'ignore' });
    writeFileSync(
      conf,
      `${common}listener ${port} ${host}\ncafile ${certs.caFile}\ncertfile ${certs.good.certFile}\nkeyfile ${certs.good.keyFile}\ntls_version tlsv1.2\nallow_anonymous false\nplugin /usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so\nplugin_opt_config_file ${dynsec}\n`,
    );
  }
  const server = await startProcess('mosquitto', ['-c', conf], [{ host, port }]);
  if (mode === 'good') {
    // An ordinary account that may subscribe only under devices/<its client id>/ (dynamic security refuses the rest in SUBACK).
    const ctrl = (...args: string[]) =>
      execFileSync('mosquitto_ctrl', ['-h', host, '-p', String(port), '--cafile', certs.caFile, '-u', ADMIN.user, '-P', ADMIN.password, 'dynsec', ...args], {
        stdio: 'ignore',
      });
    ctrl('createClient', MQTT_USER.user, '-p', MQTT_USER.password);
    ctrl('createRole', 'device');
    ctrl('addRoleACL', 'device', 'subscribePattern', 'devices/%c/#', 'allow', '5');
    ctrl('addClientRole', MQTT_USER.user, 'device');
  }
  return { port, server };
}
