import { join } from 'node:path';
import { projectRoot } from '../../src/content/content-dir.js';
import { type EvidenceOptions, startPlatform } from '../../src/server/start-platform.js';
import { testConfig } from './test-config.js';
import { tempDir } from './temp-dir.js';

/**
 * A real server on a random loopback port: fresh SQLite database, the bundled
 * content, the built web UI. setupUrl is the one-time link it printed.
 */
export async function startTestServer(options: { anonymousRead?: boolean; evidence?: EvidenceOptions } = {}) {
  const dir = tempDir();
  const platform = await startPlatform(testConfig({ dataDir: dir.path, anonymousReadDefault: options.anonymousRead ?? false }), {
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
