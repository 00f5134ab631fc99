/**
 * The attachment that lists a scenario's steps that observe the cluster with real traffic where a
 * node runs containers (issue 31), one line each, `file:line pattern: ...` with what the step did
 * there: `observed by <how> from <where>: <what came back>`, or `judged by <model>: <why it
 * could not observe>` (the simulator, a cluster of KWOK nodes, a probe pod that did not start).
 * A fidelity run sends the scenarios whose simulator run has it to its real-node pass; the
 * model-judged attachment, not this one, says whether a verdict came from a model.
 */
export const TRAFFIC_PROBES_ATTACHMENT = 'traffic probes.txt';
