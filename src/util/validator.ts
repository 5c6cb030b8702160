/**
 * The shape of a precompiled JSON Schema validator (ajv standalone code, see `npm run
 * validators`), declared here so that running gateplan needs no ajv.
 */
export interface ValidationError {
  keyword: string;
  /** JSON pointer of the offending value inside the validated one. */
  instancePath: string;
  params: Record<string, unknown>;
  /** Where in the schema the failing keyword sits (`#/properties/alb/additionalProperties`). */
  schemaPath?: string;
  message?: string;
}

export interface Validator<T> {
  (data: unknown): data is T;
  errors?: ValidationError[] | null;
}
