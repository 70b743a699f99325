/** OpenAPI 3.1 export of the contract in schemas/ (`harness openapi`, scripts/generators/openapi.ts). */
export { buildOpenApiDocument, type DocumentOptions } from './build-document.js';
export { toYaml } from './yaml.js';
export { REFERENCE_SERVER } from './reference-server.js';
