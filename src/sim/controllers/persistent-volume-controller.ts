import type { Clock, Millis } from '../clock.ts';
import type { EventRecorder } from '../events.ts';
import { bytes } from '../../kube/quantity.ts';
import { thaw } from '../store/freeze.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { KubeObject, ObjectKey } from '../store/types.ts';
import type { Controller, ReconcileResult } from './controller.ts';
import { findMatchingVolume } from './volume-matching.ts';

export const SELECTED_NODE = 'volume.kubernetes.io/selected-node';
/** AnnStorageProvisioner and AnnBetaStorageProvisioner (component-helpers/storage/volume/helpers.go). */
const STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
const BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
const NO_PROVISIONER = 'kubernetes.io/no-provisioner';
/** What a provisioner can do; a name not listed is an ideal CSI driver that can do everything. */
interface ProvisionerAbilities {
  /** Needs the scheduler's choice of node (refuses Immediate claims). */
  needsSelectedNode: boolean;
  canExpand: boolean;
  /** Why it refuses a claim it cannot serve (access modes, volume mode), in its own words. */
  refuses?: (pvc: KubeObject) => string | undefined;
}
const provisioners: Record<string, ProvisionerAbilities> = {
  // kind's local-path provisioner: a directory on the chosen node, no resizer.
  'rancher.io/local-path': {
    needsSelectedNode: true,
    canExpand: false,
    refuses: (pvc) => {
      if (pvc.spec?.volumeMode === 'Block') return 'rancher.io/local-path does not support block volume provisioning';
      if (pvc.spec?.selector) return 'claim.Spec.Selector is not supported';
      const shared = (pvc.spec?.accessModes ?? []).some((m: string) => m !== 'ReadWriteOnce' && m !== 'ReadWriteOncePod');
      return shared ? 'NodePath only supports ReadWriteOnce and ReadWriteOncePod (1.22+) access modes' : undefined;
    },
  },
};
const abilitiesOf = (provisioner: string | undefined): ProvisionerAbilities =>
  provisioners[provisioner ?? ''] ?? { needsSelectedNode: false, canExpand: true };
/** How long the simulated external provisioner takes to create a volume. */
const PROVISIONING_TIME: Millis = 1_000;
/** --pvclaimbinder-sync-period's default (persistentvolume/config/v1alpha1/defaults.go). */
const RESYNC_PERIOD: Millis = 15_000;

/** The claims a pod uses (PodPVCIndexFunc, pkg/controller/volume/common): its PVC volumes and generic ephemeral ones (`<pod>-<volume>`). */
function claimsOf(pod: KubeObject): string[] {
  return (pod.spec?.volumes ?? []).flatMap((v: any) => (v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : v.ephemeral ? [`${pod.metadata.name}-${v.name}`] : []));
}

/** IsPodTerminated (pkg/volume/util/util.go): finished, or deleted with no container running. */
function podTerminated(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return true;
  const notRunning = (list: any[] | undefined) => (list ?? []).every((c) => c.state?.terminated || c.state?.waiting);
  return !!pod.metadata.deletionTimestamp && notRunning(pod.status?.initContainerStatuses) && notRunning(pod.status?.containerStatuses) && notRunning(pod.status?.ephemeralContainerStatuses);
}

/**
 * The PersistentVolume controller (pkg/controller/volume/persistentvolume) with a simulated
 * dynamic provisioner, keyed by claim: binds a Pending claim to the smallest Available PV that
 * matches class, access modes, capacity and selector; otherwise provisions `pvc-<uid>` for a class
 * with a provisioner (at once for Immediate, after the scheduler picked a node for
 * WaitForFirstConsumer); reclaims a released PV (Delete or Retain→Released); grows bound claims;
 * drops pvc-protection once no pod uses a deleted claim.
 */
export class PersistentVolumeController implements Controller {
  readonly name = 'PersistentVolume';
  private readonly provisioning = new Map<string, Millis>();

  constructor(private readonly store: ObjectStore, private readonly clock: Clock, private readonly events: EventRecorder) {}

  reconcile(key: ObjectKey): ReconcileResult {
    const pvc = this.store.get('PersistentVolumeClaim', key);
    if (!pvc) {
      this.reclaim(key);
      return {};
    }
    if (pvc.metadata.deletionTimestamp) {
      this.releaseProtection(pvc);
      return {};
    }
    if (pvc.status?.phase === 'Bound') return this.expand(pvc);
    const className = pvc.spec?.storageClassName ?? '';
    const cls = className ? this.store.get('StorageClass', { name: className }) : undefined;
    // Delayed binding: the scheduler picks the node first; until then only a volume already
    // reserved for this claim binds (findMatchingVolume skips the rest).
    const delayed = cls?.volumeBindingMode === 'WaitForFirstConsumer';
    const node = pvc.metadata.annotations?.[SELECTED_NODE];
    const pv = this.findVolume(pvc, delayed, node);
    if (pv) {
      this.bind(pvc, pv, delayed);
      return {};
    }
    if (!className) {
      this.events.record('persistentvolume-controller', pvc, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
      return {};
    }
    if (!cls) {
      this.events.record('persistentvolume-controller', pvc, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`);
      return {};
    }
    if (cls.provisioner === NO_PROVISIONER && !delayed) {
      this.events.record('persistentvolume-controller', pvc, 'Warning', 'ProvisioningFailed', `no volume plugin matched name: ${NO_PROVISIONER}`);
      return {};
    }
    if (cls.provisioner === NO_PROVISIONER && node) return {};
    if (pvc.spec?.selector && !delayed) {
      this.events.record('persistentvolume-controller', pvc, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
      return {};
    }
    if (cls.volumeBindingMode === 'WaitForFirstConsumer' && !pvc.metadata.annotations?.[SELECTED_NODE]) {
      this.waitForConsumer(pvc);
      // The controller syncs every claim again each --pvclaimbinder-sync-period (15s; resync in
      // pv_controller_base.go), so the event repeats (and aggregates into count) until a node is picked.
      return { requeueAfter: RESYNC_PERIOD };
    }
    // provisionClaimOperationExternal (pv_controller.go) and setClaimProvisioner
    // (pv_controller_base.go): the claim is handed to its external provisioner by two annotations
    // naming it, with an ExternalProvisioning event, before the provisioner looks at it.
    if (pvc.metadata.annotations?.[STORAGE_PROVISIONER] !== cls.provisioner) {
      const handed = thaw(pvc);
      handed.metadata.annotations = { ...(handed.metadata.annotations ?? {}), [BETA_STORAGE_PROVISIONER]: cls.provisioner, [STORAGE_PROVISIONER]: cls.provisioner };
      this.store.update(handed);
      this.events.record('persistentvolume-controller', pvc, 'Normal', 'ExternalProvisioning', `Waiting for a volume to be created either by the external provisioner '${cls.provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`);
      return {};
    }
    // sig-storage-lib-external-provisioner's provisionClaimOperation: each attempt starts with a
    // Provisioning event; the provisioner refuses what it cannot serve before it asks for a node.
    const attempt = () => this.events.record(cls.provisioner, pvc, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${pvc.metadata.namespace}/${pvc.metadata.name}"`);
    const refusal = abilitiesOf(cls.provisioner).refuses?.(pvc);
    if (refusal) {
      attempt();
      this.events.record(cls.provisioner, pvc, 'Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${cls.metadata.name}": ${refusal}`);
      return {};
    }
    if (abilitiesOf(cls.provisioner).needsSelectedNode && !pvc.metadata.annotations?.[SELECTED_NODE]) {
      attempt();
      this.events.record(cls.provisioner, pvc, 'Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${cls.metadata.name}": configuration error, no node was specified`);
      return {};
    }
    const now = this.clock.now();
    const started = this.provisioning.get(pvc.metadata.uid) ?? now;
    if (!this.provisioning.has(pvc.metadata.uid)) {
      this.provisioning.set(pvc.metadata.uid, now);
      attempt();
    }
    if (now < started + PROVISIONING_TIME) return { requeueAfter: started + PROVISIONING_TIME - now };
    this.provision(pvc, cls);
    return {};
  }

  /**
   * emitEventForUnboundDelayBindingClaim (pv_controller.go): WaitForPodScheduled naming the pods
   * that use the claim and are not scheduled yet (findNonScheduledPodsByPVC), or
   * WaitForFirstConsumer while there are none.
   */
  private waitForConsumer(pvc: KubeObject): void {
    // The claim's first sync runs as its ADD event arrives, milliseconds after the create and
    // before what its creator writes next: a StatefulSet's pod, or the next document of a
    // manifest. Pods created with the claim are not there yet (the reference cluster records
    // WaitForFirstConsumer for them); the 15 s resyncs see every pod.
    const first = !this.waitedOn.has(pvc.metadata.uid);
    this.waitedOn.add(pvc.metadata.uid);
    const claimCreated = Date.parse(pvc.metadata.creationTimestamp);
    const waiting = this.store.list('Pod', { namespace: pvc.metadata.namespace })
      .filter((p) => !p.spec?.nodeName && !podTerminated(p) && claimsOf(p).includes(pvc.metadata.name))
      .filter((p) => !first || Date.parse(p.metadata.creationTimestamp) < claimCreated)
      .map((p) => p.metadata.name);
    if (waiting.length === 0) {
      this.events.record('persistentvolume-controller', pvc, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
    } else {
      const message = waiting.length > 1 ? `waiting for pods ${waiting.join(',')} to be scheduled` : `waiting for pod ${waiting[0]} to be scheduled`;
      this.events.record('persistentvolume-controller', pvc, 'Normal', 'WaitForPodScheduled', message);
    }
  }

  /** Claims whose first wait-for-consumer sync has run (uids). */
  private readonly waitedOn = new Set<string>();

  private findVolume(pvc: KubeObject, delayed: boolean, nodeName: string | undefined): KubeObject | undefined {
    const node = nodeName ? this.store.get('Node', { name: nodeName }) : undefined;
    return findMatchingVolume(pvc, this.store.list('PersistentVolume'), delayed, node);
  }

  private provision(pvc: KubeObject, cls: KubeObject): void {
    const node = pvc.metadata.annotations?.[SELECTED_NODE];
    const pv = this.store.create({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: `pvc-${pvc.metadata.uid}`, annotations: { 'pv.kubernetes.io/provisioned-by': cls.provisioner } },
      spec: {
        capacity: { storage: pvc.spec.resources.requests.storage },
        accessModes: pvc.spec.accessModes,
        persistentVolumeReclaimPolicy: cls.reclaimPolicy ?? 'Delete',
        storageClassName: cls.metadata.name,
        volumeMode: pvc.spec.volumeMode ?? 'Filesystem',
        claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: pvc.metadata.name, namespace: pvc.metadata.namespace, uid: pvc.metadata.uid },
        hostPath: { path: `/var/local-path-provisioner/pvc-${pvc.metadata.uid}_${pvc.metadata.namespace}_${pvc.metadata.name}`, type: 'DirectoryOrCreate' },
        ...(node ? { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } } } : {}),
      },
    });
    this.events.record('persistentvolume-controller', pvc, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pv.metadata.name}`);
    this.provisioning.delete(pvc.metadata.uid);
    this.bind(this.store.get('PersistentVolumeClaim', pvc.metadata)!, pv);
  }

  private bind(pvc: KubeObject, pv: KubeObject, delayed = false): void {
    const boundPv = thaw(pv);
    boundPv.spec.claimRef = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: pvc.metadata.name, namespace: pvc.metadata.namespace, uid: pvc.metadata.uid };
    const storedPv = this.store.update(boundPv);
    this.store.updateStatus({ ...storedPv, status: { phase: 'Bound' } });
    const claim = thaw(pvc);
    claim.spec.volumeName = pv.metadata.name;
    claim.metadata.annotations = { ...(claim.metadata.annotations ?? {}), 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' };
    // The scheduler names a node on the claim only to have a volume provisioned there; a claim
    // that found an existing volume never carries it.
    if (delayed) delete claim.metadata.annotations[SELECTED_NODE];
    const stored = this.store.update(claim);
    this.store.updateStatus({ ...stored, status: { phase: 'Bound', accessModes: pv.spec.accessModes, capacity: { storage: pv.spec.capacity.storage } } });
  }

  /** A claim was deleted: its volume is deleted (Delete) or kept as Released (Retain). */
  private reclaim(key: ObjectKey): void {
    for (const pv of this.store.list('PersistentVolume')) {
      const ref = pv.spec?.claimRef;
      if (!ref || ref.name !== key.name || ref.namespace !== key.namespace || pv.status?.phase !== 'Bound') continue;
      if (pv.spec.persistentVolumeReclaimPolicy === 'Delete') {
        const next = thaw(pv);
        next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((f) => f !== 'kubernetes.io/pv-protection');
        const updated = this.store.update(next);
        this.store.delete('PersistentVolume', updated.metadata);
      } else {
        this.store.updateStatus({ ...pv, status: { phase: 'Released' } });
      }
    }
  }

  /** pvc-protection: the finalizer goes once no pod that is still running uses the claim. */
  private releaseProtection(pvc: KubeObject): void {
    const inUse = this.store.list('Pod', { namespace: pvc.metadata.namespace }).some((p) =>
      p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && (p.spec?.volumes ?? []).some((v: any) => v.persistentVolumeClaim?.claimName === pvc.metadata.name));
    if (inUse || !pvc.metadata.finalizers?.includes('kubernetes.io/pvc-protection')) return;
    const next = thaw(pvc);
    next.metadata.finalizers = next.metadata.finalizers!.filter((f) => f !== 'kubernetes.io/pvc-protection');
    this.store.update(next);
  }

  /** A bound claim asking for more than its capacity is grown, volume first. */
  private expand(pvc: KubeObject): ReconcileResult {
    const want = pvc.spec?.resources?.requests?.storage;
    if (!want || bytes(want) <= bytes(pvc.status?.capacity?.storage ?? 0)) return {};
    const pv = this.store.get('PersistentVolume', { name: pvc.spec.volumeName });
    if (pv && !abilitiesOf(pv.metadata.annotations?.['pv.kubernetes.io/provisioned-by']).canExpand) {
      // A hostPath volume has no resizer: the expand controller hands it to an external one that
      // kind does not run, and the claim keeps its size.
      this.events.record('volume_expand', pvc, 'Normal', 'ExternalExpanding', 'waiting for an external controller to expand this PVC');
      return {};
    }
    if (pv) this.store.update({ ...thaw(pv), spec: { ...thaw(pv.spec), capacity: { storage: want } } });
    this.store.updateStatus({ ...pvc, status: { ...thaw(pvc.status), capacity: { storage: want } } });
    return {};
  }
}
