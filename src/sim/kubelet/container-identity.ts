import type { KubeObject } from '../store/types.ts';
import { imageUser, type ImageBehavior } from './container-behavior.ts';

/** Who a container's processes run as, and which group owns each of its volume mounts. */
export interface ContainerIdentity {
  uid: number;
  gid: number;
  groups: number[];
  mountGroups: Record<string, number>;
}

/** The volumes whose ownership the kubelet sets to fsGroup (hostPath, NFS and kind's hostPath-backed claims are left as they are). */
const ownershipManaged = (v: any) => Boolean(v && (v.emptyDir || v.configMap || v.secret || v.projected || v.downwardAPI));

/**
 * runAsUser/runAsGroup (the container's over the pod's), else the image's USER and group 0; the
 * supplementary groups are the primary one, fsGroup and supplementalGroups (groups the image's
 * /etc/group adds are not modelled).
 */
export function containerIdentity(pod: KubeObject, container: any, images: readonly ImageBehavior[]): ContainerIdentity {
  const podContext = pod.spec?.securityContext ?? {};
  const own = container.securityContext ?? {};
  const uid = own.runAsUser ?? podContext.runAsUser ?? imageUser(container.image ?? '', images);
  const gid = own.runAsGroup ?? podContext.runAsGroup ?? 0;
  const groups = [...new Set<number>([gid, ...(podContext.fsGroup !== undefined ? [podContext.fsGroup] : []), ...(podContext.supplementalGroups ?? [])])].sort((a, b) => a - b);
  const mountGroups = Object.fromEntries((container.volumeMounts ?? []).map((m: any) => {
    const volume = (pod.spec?.volumes ?? []).find((v: any) => v.name === m.name);
    return [String(m.mountPath).replace(/\/+$/, ''), podContext.fsGroup !== undefined && ownershipManaged(volume) ? podContext.fsGroup : 0];
  }));
  return { uid, gid, groups, mountGroups };
}
