import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { ecsFieldsPlugin } from './build/ecs-fields-plugin.js';

// `@rulebench/source` makes workspace packages (the EQL engine) compile from their TypeScript
// sources, so the browser runs exactly the parser the server runs.
export default defineConfig({
  plugins: [react(), tailwindcss(), ecsFieldsPlugin()],
  resolve: { conditions: ['@rulebench/source', ...defaultClientConditions] },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8787' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Monaco alone is ~3 MB; it is one lazy-free chunk on purpose (the editor is the page).
    chunkSizeWarningLimit: 4096,
  },
});
