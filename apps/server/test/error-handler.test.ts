import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import errorHandler from '../src/plugins/error-handler.js';

describe('error handler', () => {
  const build = async () => {
    const app = Fastify({ logger: false });
    await app.register(errorHandler);
    app.get('/boom', async () => {
      throw new Error('SQLITE_CORRUPT at /secret/path/rulebench.db');
    });
    app.get('/teapot', async () => {
      throw Object.assign(new Error('short and stout'), { statusCode: 418, code: 'TEAPOT' });
    });
    app.get('/weird', async () => {
      throw Object.assign(new Error('odd status'), { statusCode: 99 });
    });
    await app.ready();
    return app;
  };

  it('hides the details of server errors', async () => {
    const app = await build();
    const res = await app.inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Internal Server Error',
    });
    expect(res.body).not.toContain('secret');
    await app.close();
  });

  it('passes client errors through with their code', async () => {
    const app = await build();
    const res = await app.inject({ method: 'GET', url: '/teapot' });
    expect(res.statusCode).toBe(418);
    expect(res.json()).toEqual({
      statusCode: 418,
      error: "I'm a Teapot",
      message: 'short and stout',
      code: 'TEAPOT',
    });
    const weird = await app.inject({ method: 'GET', url: '/weird' });
    expect(weird.statusCode).toBe(500);
    expect(weird.json().message).toBe('Internal Server Error');
    await app.close();
  });
});
