/** JSON Schema of the price data file; its validator is generated from it (`npm run schema`). */
const positive = { type: 'number', exclusiveMinimum: 0 };
const nonNegative = { type: 'number', minimum: 0 };
const provenance = {
  source: { type: 'string', minLength: 1 },
  checked: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
  status: { enum: ['confirmed', 'corroborated', 'unconfirmed'] },
  note: { type: 'string' },
};
const provenanceKeys = ['source', 'checked', 'status'];
const tiers = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['usdPerMillion'],
    properties: { millions: positive, usdPerMillion: nonNegative },
  },
};

export const pricesSchema = {
  type: 'object',
  required: ['region', 'currency', 'hoursPerMonth', 'apigwRest', 'apigwHttp', 'alb', 'waf'],
  additionalProperties: false,
  properties: {
    region: { type: 'string' },
    currency: { type: 'string' },
    hoursPerMonth: positive,
    notes: { type: 'string' },
    apigwRest: {
      type: 'object',
      additionalProperties: false,
      required: ['requestTiers', ...provenanceKeys],
      properties: { requestTiers: tiers, ...provenance },
    },
    apigwHttp: {
      type: 'object',
      additionalProperties: false,
      required: ['requestTiers', 'meteringBytes', 'meteredOn', ...provenanceKeys],
      properties: {
        requestTiers: tiers,
        meteringBytes: { type: 'integer', minimum: 1 },
        meteredOn: { enum: ['request', 'request+response'] },
        ...provenance,
      },
    },
    alb: {
      type: 'object',
      additionalProperties: false,
      required: ['usdPerHour', 'usdPerLcuHour', 'lcu', ...provenanceKeys],
      properties: {
        usdPerHour: nonNegative,
        usdPerLcuHour: nonNegative,
        lcu: {
          type: 'object',
          additionalProperties: false,
          required: [
            'newConnectionsPerSecond',
            'activeConnectionsPerMinute',
            'processedGBPerHour',
            'processedGBPerHourLambda',
            'ruleEvaluationsPerSecond',
            'freeRulesPerRequest',
          ],
          properties: {
            newConnectionsPerSecond: positive,
            activeConnectionsPerMinute: positive,
            processedGBPerHour: positive,
            processedGBPerHourLambda: positive,
            ruleEvaluationsPerSecond: positive,
            freeRulesPerRequest: { type: 'integer', minimum: 0 },
          },
        },
        ...provenance,
      },
    },
    waf: {
      type: 'object',
      additionalProperties: false,
      required: ['usdPerWebAclMonth', 'usdPerRuleMonth', 'usdPerMillionRequests', ...provenanceKeys],
      properties: {
        usdPerWebAclMonth: nonNegative,
        usdPerRuleMonth: nonNegative,
        usdPerMillionRequests: nonNegative,
        ...provenance,
      },
    },
  },
};
