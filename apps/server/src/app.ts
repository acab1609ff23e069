import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppConfig } from './config.js';
import bundledCorpora from './plugins/bundled-corpora.js';
import configPlugin from './plugins/config.js';
import defaultRule from './plugins/default-rule.js';
import errorHandler from './plugins/error-handler.js';
import jsonBody from './plugins/json-body.js';
import storePlugin from './plugins/store.js';
import web from './plugins/web.js';
import corpora from './routes/corpora.js';
import corpusUpload from './routes/corpus-upload.js';
import esEqlSearch from './routes/es-eql-search.js';
import health from './routes/health.js';
import permalinks from './routes/permalinks.js';
import ruleLibrary from './routes/rule-library.js';
import rules from './routes/rules.js';
import search from './routes/search.js';
import workbench from './routes/workbench.js';

export interface AppOptions {
  readonly config: AppConfig;
}

/**
 * The whole application as one plugin: configuration and services first (store, bundled
 * corpora, default rule), then the API routes under `/api`, then the web app.
 */
export const app: FastifyPluginAsyncTypebox<AppOptions> = async (fastify, options) => {
  await fastify.register(configPlugin, { config: options.config });
  await fastify.register(errorHandler);
  await fastify.register(jsonBody);

  await fastify.register(storePlugin);
  await fastify.register(bundledCorpora);
  await fastify.register(defaultRule);

  await fastify.register(
    async (api) => {
      await api.register(health);
      await api.register(rules);
      await api.register(ruleLibrary);
      await api.register(permalinks);
      await api.register(corpora);
      await api.register(corpusUpload);
      await api.register(search);
      await api.register(esEqlSearch);
      await api.register(workbench);
    },
    { prefix: '/api' },
  );

  await fastify.register(web);
};
