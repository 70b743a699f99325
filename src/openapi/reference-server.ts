/** The `servers` entry for the embedded reference, whose port is chosen at start. */
export const REFERENCE_SERVER = {
  url: 'http://127.0.0.1:{port}',
  variables: { port: { default: '8080', description: 'the port of `harness serve --port <n>`' } },
} as const;
