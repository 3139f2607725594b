import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@common': fileURLToPath(new URL('./common', import.meta.url)),
    },
  },
  build: {
    outDir: 'dist',
    // phones must never download board / drag-and-drop / export code: every view is a lazy chunk
    sourcemap: false,
    manifest: true,
  },
});
