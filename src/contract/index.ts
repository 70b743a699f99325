export {
  createAjv,
  loadSchemas,
  listSchemaFiles,
  SCHEMAS_DIR,
  SCHEMA_BASE,
  type LoadedSchema,
} from './schema-registry.js';
export { ContractValidator, type ValidationOutcome } from './validate.js';
export { componentSchema } from './component-schema.js';
