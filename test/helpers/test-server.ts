import { join } from 'node:path';
import { projectRoot } from '../../src/content/content-dir.js';
import type { Config } from '../../src/config/config.js';
import { type EvidenceOptions, startPlatform } from '../../src/server/start-platform.js';
import { testConfig } from './test-config.js';
import { tempDir } from './temp-dir.js';

/**
 * A real server on a random loopback port: fresh SQLite database, the bundled
 * content, the built web UI. setupUrl is the one-time link it printed.
 * `config` sets what a journey needs beyond that (a fixed port and public
 * URL, single sign-on); the data folder is always the server's own.
 */
export async function startTestServer(options: { anonymousRead?: boolean; evidence?: EvidenceOptions; config?: Partial<Config> } = {}) {
  const dir = tempDir();
  const config = testConfig({ ...options.config, dataDir: dir.path, anonymousReadDefault: options.anonymousRead ?? false });
  const platform = await startPlatform(config, {
    webDir: join(projectRoot(), 'dist', 'web'),
    print: () => undefined,
    ...(options.evidence ? { evidence: options.evidence } : {}),
  });
  if (!platform.setupUrl) throw new Error('a fresh server must offer a setup link');
  return {
    url: platform.url,
    setupUrl: platform.setupUrl,
    /** The server's own data folder (its SQLite database), for tests that seed data the UI cannot enter. */
    dataDir: dir.path,
    close: async () => {
      await platform.close();
      dir.remove();
    },
  };
}
