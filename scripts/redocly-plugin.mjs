// Redocly CLI plugin (redocly.yaml) for the exported OpenAPI document (harness openapi).
//
// The document refers to schemas/ by file path (../schemas/execute-request.schema.json), and the
// schemas refer to each other by relative path (common.schema.json#/$defs/WorkflowId). Each schema
// also carries an `$id` (https://workflow-harness.example.org/schemas/…), a name that is served
// nowhere. Redocly resolves every $ref by file path, but its example validator (ajv) resolves a
// schema's nested $refs against that `$id`, finds nothing there and reports "can't resolve
// reference" for every example. This preprocessor drops `$id` from the linter's in-memory copy of
// each schema, so the nested $refs resolve as everything else does: relative to the file. Nothing
// is written; the schemas keep their `$id`.
export default function harnessPlugin() {
  return {
    id: 'harness',
    preprocessors: {
      oas3: {
        'schema-ids-are-names': () => ({
          Schema: {
            enter(schema) {
              if (typeof schema.$id === 'string') delete schema.$id;
            },
          },
        }),
      },
    },
  };
}
