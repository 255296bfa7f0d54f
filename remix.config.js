// BUILD_DIR lets several builds live side by side (parallel test runs); the client assets go inside it.
const out = process.env.BUILD_DIR ?? "build";

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  server: "./app/server.ts",
  serverBuildPath: `${out}/index.js`,
  assetsBuildDirectory: `${out}/client`,
  publicPath: "/build/",
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // pg and PGlite are never bundled: they load their own native/WASM assets at run time.
  serverDependenciesToBundle: [],
  watchPaths: ["locales/**", "content/**", "db/**"],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
