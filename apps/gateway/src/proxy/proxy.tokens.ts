export const GATEWAY_ROUTES = Symbol('GATEWAY_ROUTES');
