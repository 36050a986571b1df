import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The renderer build. `npm run build:renderer` writes out/renderer, which both Electron
 * (app:// protocol) and the browser-mode server load; relative asset paths keep it portable.
 *
 * For `vite dev` against a running browser-mode server, set BHXH_DEV_API=http://127.0.0.1:PORT
 * and open the dev page with the server's #t=TOKEN. The proxy presents itself to the server as
 * same-origin (Host rewritten, Origin dropped) because the server refuses other origins.
 */
const devApi = process.env.BHXH_DEV_API;

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  // react-datasheet-grid pulls react-resize-detector@7, whose peer range stops at React 18, so npm
  // nests a react-dom 18 under it that crashes beside React 19: bundle one React for everyone.
  resolve: { dedupe: ['react', 'react-dom'] },
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  server: devApi
    ? {
        host: '127.0.0.1',
        proxy: {
          '/api': {
            target: devApi,
            changeOrigin: true,
            configure: (proxy) => {
              proxy.on('proxyReq', (proxyReq) => proxyReq.removeHeader('origin'));
            },
          },
        },
      }
    : {},
});
