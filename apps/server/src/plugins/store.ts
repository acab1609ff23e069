import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Store } from '../store/store.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The SQLite store (`DATA_DIR/rulebench.db`). */
    store: Store;
  }
}

/** Opens the store for the app's lifetime and closes it when the app closes. */
export default fp(
  async (fastify: FastifyInstance) => {
    const store = Store.open(fastify.config.dataDir);
    fastify.decorate('store', store);
    fastify.addHook('onClose', async () => {
      // An import may still hold the write lock; let it settle before closing.
      await store.writeLock.run(() => undefined);
      store.close();
    });
  },
  { name: 'store', dependencies: ['config'] },
);
