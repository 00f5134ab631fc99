import { ok, unresolvable, type FilterPlugin } from '../framework.ts';

export const NAME = 'NodeName';
export const reasonNodeName = "node(s) didn't match the requested node name";

/** A pod that names a node (spec.nodeName before binding) fits only that node. */
export const nodeName = {
  name: NAME,
  filter(pod, { node }) {
    const wanted = pod.spec?.nodeName;
    return !wanted || wanted === node.metadata.name ? ok() : unresolvable(reasonNodeName);
  },
} satisfies FilterPlugin;
