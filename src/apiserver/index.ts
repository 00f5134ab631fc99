/**
 * The API server: Kubernetes API semantics over the simulator's store, transport-free. `kubespec
 * serve` (src/serve) is its HTTP transport, the simulator driver (src/drivers/sim) calls it in
 * process; both see the same answers (test/serve/same-answer-both-doors.test.ts).
 *
 * It sits between the simulator and its two doors: it imports src/sim, src/security and
 * src/kube, and the simulator imports nothing from it (.dependency-cruiser.cjs). It is not
 * inside src/sim because it reads the upstream OpenAPI documents from the Go module cache
 * (node:fs) and signs tokens with node:crypto, which the simulator may not use.
 */
export { answer, handle } from './api-server.ts';
export { statusOf, asApiError, parseJson, type ApiBody, type ApiRequest, type ApiResponse, type ApiTarget, type PendingBody, type WatchRequest } from './api-request.ts';
export { APPLY_PATCH } from './patch.ts';
export { adminSubject, decide, forbidden } from './authorization.ts';
export { upstreamOpenApi, specFolder } from './openapi-documents.ts';
export { goModuleDirs } from './go-modules.ts';
