import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import { defineConfig } from 'vite';
import { precompress } from './scripts/compress-plugin.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = `http://127.0.0.1:${process.env.PORTAL_API_PORT ?? '3107'}`;

// The portal (index.html) and the GraphQL explorer (explorer.html): two entries, one build, every asset
// served by the API process itself (no CDN, no font or tile from elsewhere: intranets have no internet).
export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  plugins: [
    vue(),
    // Element Plus imported per component (and its CSS per component), not the whole library.
    Components({ dts: false, dirs: [], resolvers: [ElementPlusResolver({ importStyle: 'css' })] }),
    precompress(),
  ],
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'true',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    __INTLIFY_DROP_MESSAGE_COMPILER__: 'false',
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/portal', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // No data: URLs: the content security policy allows images and fonts from 'self' only.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 6000,
    reportCompressedSize: false,
    rollupOptions: {
      input: { index: `${root}index.html`, explorer: `${root}explorer.html` },
      onLog(level, log, handler) {
        // React libraries mark modules "use client", which means nothing in a client-only bundle.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: {
    port: Number(process.env.PORTAL_DEV_PORT ?? 5173),
    proxy: { '/graphql': api, '/api': api, '/health': api, '/catalog.jsonld': api },
  },
});
