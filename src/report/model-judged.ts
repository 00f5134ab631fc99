/**
 * The attachment that lists a scenario's steps whose verdict came from one of kubespec's own
 * models (reachability, DNS, Ingress routing, ...) rather than from the cluster: on a live
 * cluster such a step asks the model about the cluster's objects, so it agrees with the
 * simulator by construction and the fidelity run counts the scenario as not judged.
 */
export const MODEL_JUDGED_ATTACHMENT = 'judged by model.txt';
