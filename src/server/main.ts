import { join } from 'node:path';
import { ConfigError, loadConfig } from '../config/config.js';
import { projectRoot } from '../content/content-dir.js';
import { startPlatform } from './start-platform.js';

/** `npm start`: configuration from the environment, then serve. */
async function run() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`tebiki: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const platform = await startPlatform(config, { webDir: join(projectRoot(), 'dist', 'web'), logger: true });
  const stop = async () => {
    await platform.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

run().catch((err: Error) => {
  console.error(`tebiki: failed to start: ${err.message}`);
  process.exit(1);
});
