/** Variables as the engine's REST API types them. */
export interface EngineVariable {
  value: unknown;
  type: string;
}
export type EngineVariables = Record<string, EngineVariable>;
export type PlainVariables = Record<string, string | number | boolean | null>;

/** Plain JSON-ish values to typed engine variables. Objects are not allowed: keep variables flat. */
export function toEngineVariables(vars: PlainVariables = {}): EngineVariables {
  const out: EngineVariables = {};
  for (const [name, value] of Object.entries(vars)) {
    if (value === null) out[name] = { value: null, type: 'Null' };
    else if (typeof value === 'boolean') out[name] = { value, type: 'Boolean' };
    else if (typeof value === 'number')
      out[name] = { value, type: Number.isInteger(value) ? 'Long' : 'Double' };
    else if (typeof value === 'string') out[name] = { value, type: 'String' };
    else throw new TypeError(`variable ${name} must be a string, number, boolean or null`);
  }
  return out;
}

export function fromEngineVariables(vars: EngineVariables | undefined): PlainVariables {
  const out: PlainVariables = {};
  for (const [name, variable] of Object.entries(vars ?? {})) {
    out[name] = variable.value as string | number | boolean | null;
  }
  return out;
}
