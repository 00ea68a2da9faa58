export const GATEWAY_ROUTES = Symbol('GATEWAY_ROUTES');
export const CIRCUIT_OPTIONS = Symbol('CIRCUIT_OPTIONS');
