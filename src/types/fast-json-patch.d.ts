// fast-json-patch ships its TypeScript sources beside the build, and tsx would load those
// (their CommonJS imports do not resolve); the code imports the ES module build, typed here.
declare module 'fast-json-patch/index.mjs' {
  export * from 'fast-json-patch';
}
