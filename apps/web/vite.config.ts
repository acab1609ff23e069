import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { ecsFieldsPlugin } from './build/ecs-fields-plugin.js';
import { precompressPlugin } from './build/precompress-plugin.js';

// `@rulebench/source` makes workspace packages (the EQL engine) compile from their TypeScript
// sources, so the browser runs exactly the parser the server runs.
export default defineConfig({
  plugins: [react(), tailwindcss(), ecsFieldsPlugin(), precompressPlugin()],
  resolve: { conditions: ['@rulebench/source', ...defaultClientConditions] },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8787' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Monaco alone is ~4 MB (1 MB Brotli): a chunk of its own, loaded lazily after first paint
    // (the workbench shows the query read-only until it arrives).
    chunkSizeWarningLimit: 4096,
  },
});
