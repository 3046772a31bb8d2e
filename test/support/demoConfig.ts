import { createServer } from 'node:net';
import { loadConfig, type Config } from '../../src/config.ts';

/** A port nobody listens on now, so PUBLIC_URL can name it before the server starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The portal as `npm start` runs it: demo mode, embedded database in `dataDir`, on `port`. */
export function demoServerConfig(dataDir: string, port: number): Config {
  return loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://localhost:${port}`, LOG_LEVEL: 'warn', DEMO: '1' }, { serve: true });
}
