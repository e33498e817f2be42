import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.js';
import { storeOptionsOf } from '../config/store-location.js';
import { contentCheckLinks } from '../content/check-links-provider.js';
import { createJobQueue } from '../jobs/create-job-queue.js';
import { networkLimitedRunner } from '../probes/network-limited-runner.js';
import type { ServiceContext } from '../services/context.js';
import { startCraSweep } from '../services/cra-escalation.service.js';
import { importBundledEdition } from '../services/editions.service.js';
import type { CheckLinksProvider } from '../services/ports/check-links.js';
import type { ProbeRunner } from '../services/ports/probe-runner.js';
import { registerFirmwareJob } from '../services/firmware-jobs.js';
import { registerProbeRunJob } from '../services/probe-runs.service.js';
import { registerSbomJobs } from '../services/sbom-rematch.service.js';
import { warmSearchIndexes } from '../services/search.service.js';
import { keepUnkeptResults } from '../services/assessment-results.service.js';
import { issueSetupLink } from '../services/setup.service.js';
import { migrate, openStore, type Store } from '../store/database.js';
import { emptyDatabaseFile } from '../store/sqlite-template.js';
import { withStartupLock } from '../store/startup-lock.js';
import { closePdfBrowser } from '../reports/pdf-browser.js';
import { buildApp } from './app.js';

/** The probe engine and the content's check links (defaults: the network engine and content/checks); a null engine refuses runs. */
export interface EvidenceOptions {
  probeRunner?: ProbeRunner | null;
  checkLinks?: CheckLinksProvider;
}

export interface Platform {
  app: FastifyInstance;
  store: Store;
  url: string;
  setupUrl: string | null;
  /** Settles when the search indexes of the published editions are built (they are built after listening). */
  searchWarmed: Promise<void>;
  close(): Promise<void>;
}

/** Opens the store, migrates, imports the bundled edition, listens, and prints the setup link if needed. */
export async function startPlatform(
  config: Config,
  options: { webDir?: string; logger?: boolean; print?: (line: string) => void; pgSchema?: string; evidence?: EvidenceOptions } = {},
): Promise<Platform> {
  const print = options.print ?? ((line: string) => console.log(line));
  const store = openStore({
    ...storeOptionsOf(config),
    // A first start on SQLite copies the migrated empty database the build made.
    sqliteTemplate: emptyDatabaseFile(),
    ...(options.pgSchema ? { pgSchema: options.pgSchema } : {}),
  });
  try {
    const jobs = createJobQueue(store, config.databaseUrl);
    const ctx: ServiceContext = {
      store,
      config,
      now: () => new Date(),
      evidence: {
        jobs,
        // The network engine unless a caller brings its own (tests) or none (null: runs refused).
        probeRunner: options.evidence?.probeRunner === undefined ? networkLimitedRunner(config.probeNetworks) : options.evidence.probeRunner,
        checkLinks: options.evidence?.checkLinks ?? contentCheckLinks(config.contentDir),
      },
    };
    registerProbeRunJob(ctx);
    registerFirmwareJob(ctx);
    registerSbomJobs(jobs, ctx);
    // Several processes may start together on one fresh PostgreSQL: migrations and
    // the bundled import run once, under a database-wide lock.
    const imported = await withStartupLock(store, async () => {
      await migrate(store);
      return importBundledEdition(ctx);
    });
    if (imported.status === 'kept') {
      print(
        `tebiki: WARNING: content/ differs from the stored published edition ${imported.id}; the stored edition is served unchanged (give changed content a new edition id)`,
      );
    }
    const app = await buildApp({ ctx, ...(options.webDir ? { webDir: options.webDir } : {}), logger: options.logger ?? false });
    await app.listen({ port: config.port, host: config.host });
    // Unfinished jobs of a process that stopped are marked interrupted here. Under the
    // start-up lock: pg-boss creates its schema and queues, and processes starting together
    // on a fresh database would otherwise deadlock on it.
    await withStartupLock(store, () => jobs.start());
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    // The public URL names the listening port unless it was set for a proxy in front (then it stays as set).
    const url = config.publicUrl.endsWith(`:${config.port}`) ? config.publicUrl.replace(/:\d+$/, `:${port}`) : config.publicUrl;
    // CRA deadlines escalate even when nobody has the app open.
    const stopSweep = startCraSweep(ctx);
    // Search indexes are built now, in the background, never on a query's path.
    const warm = warmSearchIndexes(ctx);
    warm.done.catch((err: unknown) => print(`tebiki: search index warm-up failed: ${err instanceof Error ? err.message : String(err)}`));
    // Results not kept yet (written before an upgrade) are kept now, so that no reader computes them.
    const keeper = keepUnkeptResults(ctx);
    keeper.done.catch((err: unknown) => print(`tebiki: keeping results failed: ${err instanceof Error ? err.message : String(err)}`));
    const setupUrl = await issueSetupLink({ ...ctx, config: { ...config, publicUrl: url } }, { revokeOlder: false });
    print(`tebiki: serving edition ${imported.id} (${imported.status}) on ${config.databaseUrl ? 'PostgreSQL' : 'SQLite'} at ${url}`);
    if (setupUrl) {
      print('tebiki: no administrator yet. Open this one-time link within 24 hours to create one:');
      print(`  ${setupUrl}`);
    }
    return {
      app,
      store,
      url,
      setupUrl,
      searchWarmed: warm.done.catch(() => undefined),
      close: async () => {
        // Fastify stops accepting connections, then waits for requests in flight.
        app.tebikiState.draining = true;
        await jobs.stop();
        stopSweep();
        warm.stop();
        keeper.stop();
        await Promise.all([warm.done.catch(() => undefined), keeper.done.catch(() => undefined)]);
        await app.close();
        await closePdfBrowser();
        await store.close();
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}
