import { defineConfig } from "vite";

// The Api serves the built client from Api/wwwroot; `npm run dev` proxies the Api on :5000 for hot reload.
export default defineConfig({
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: {
    outDir: "../Api/wwwroot",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      // @microsoft/signalr's ESM build carries /*#__PURE__*/ comments where Rollup cannot use them; harmless.
      onwarn(warning, warn) {
        if (warning.code !== "INVALID_ANNOTATION") warn(warning);
      },
    },
  },
  server: {
    proxy: {
      "/api": "http://localhost:5000",
      "/hubs": { target: "http://localhost:5000", ws: true },
    },
  },
});
