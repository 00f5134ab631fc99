/**
 * The add-ons a cluster may have installed by a scenario, by the name steps use. The simulator
 * models each one's decisions (src/sim/addons/registry.ts); a live cluster has them or not.
 */
export const ADD_ON_NAMES = ['metrics-server', 'load-balancer-provider', 'cert-manager', 'reloader', 'istio', 'vertical-pod-autoscaler'] as const;

export type AddOnName = (typeof ADD_ON_NAMES)[number];
