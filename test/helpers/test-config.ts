import type { Config } from '../../src/config/config.js';
import { defaultContentDir } from '../../src/content/content-dir.js';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: undefined,
    dataDir: '/nonexistent',
    contentDir: defaultContentDir(),
    publicUrl: 'http://127.0.0.1:0',
    secureCookies: false,
    sessionIdleMinutes: 30,
    sessionMaxHours: 12,
    loginMaxAttempts: 5,
    lockoutMinutes: 15,
    loginDelayMs: 0,
    loginRatePerMinute: 1000,
    anonymousReadDefault: false,
    trustProxy: false,
    logLevel: 'silent',
    firmwareMaxBytes: 256 * 1024 * 1024,
    ...overrides,
  };
}
