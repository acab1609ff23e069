import { buildApp } from './build-app.js';
import { configFromEnv } from './config.js';

/** Starts the server and stops it cleanly on SIGINT/SIGTERM (open requests finish first). */
async function main(): Promise<void> {
  const config = configFromEnv();
  const app = await buildApp(config, {
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    // Let in-flight requests finish on close, but don't wait forever on idle keep-alives.
    forceCloseConnections: 'idle',
  });

  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 10_000);
    timer.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    `Rulebench ${config.version} on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (data in ${config.dataDir})`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
