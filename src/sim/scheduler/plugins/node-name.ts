import { ok, unresolvable, type FilterPlugin } from '../framework.ts';
import type { KubeObject } from '../../store/types.ts';

export const NAME = 'NodeName';
export const reasonNodeName = "node(s) didn't match the requested node name";

/** A pod that names a node (spec.nodeName before binding) fits only that node. */
export const nodeName = {
  name: NAME,
  /** A pod that names no node fits every node here; the scheduler only gets pods that name none, so no node is asked. */
  skipsFilter: (pod: KubeObject) => !pod.spec?.nodeName,
  filter(pod, { node }) {
    const wanted = pod.spec?.nodeName;
    return !wanted || wanted === node.metadata.name ? ok() : unresolvable(reasonNodeName);
  },
} satisfies FilterPlugin;
