import { rfc3339, type Millis, type VirtualClock } from '../../clock.ts';
import type { EventRecorder } from '../../events.ts';
import type { ObjectStore } from '../../store/object-store.ts';
import type { KubeObject, ObjectKey } from '../../store/types.ts';
import type { Controller, ReconcileResult } from '../../controllers/controller.ts';
import { parseDuration } from '../../../kube/duration.ts';
import { CERT_MANAGER_API, CERT_MANAGER_GROUP } from './crds.ts';
import { conditionOf, sameConditions, withCondition, withoutCondition } from './conditions.ts';
import { simulatedCertificate } from './simulated-pem.ts';

const COMPONENT = 'cert-manager-certificates';
/** cert-manager's default certificate lifetime (DefaultCertificateDuration). */
const DEFAULT_DURATION: Millis = 90 * 24 * 3_600_000;

const durationOf = (text: string | undefined, fallback: Millis) => {
  try {
    return text ? parseDuration(text) : fallback;
  } catch {
    return fallback;
  }
};

/**
 * pki.RenewBefore: spec.renewBefore when shorter than the lifetime, else renewBeforePercentage,
 * else a third of the lifetime (renewal two thirds of the way through).
 */
export function renewBefore(lifetime: Millis, spec: { renewBefore?: string; renewBeforePercentage?: number }): Millis {
  const given = durationOf(spec.renewBefore, 0);
  if (given > 0 && given < lifetime) return given;
  const percent = spec.renewBeforePercentage;
  if (percent !== undefined && percent > 0 && percent < 100) return (lifetime * (100 - percent)) / 100;
  return lifetime / 3;
}

/**
 * The Certificate side of cert-manager (trigger, key manager, request manager, issuing and
 * readiness controllers folded into one loop): a Certificate whose Secret is missing, or whose
 * renewal time has come, gets a CertificateRequest for its next revision; once that request is
 * issued the signed certificate is stored in the Secret (type kubernetes.io/tls) and the
 * Certificate is Ready until two thirds of its lifetime (or renewBefore), when it renews.
 */
export class CertificateController implements Controller {
  readonly name = 'cert-manager-certificates';

  constructor(private readonly store: ObjectStore, private readonly clock: VirtualClock, private readonly events: EventRecorder) {}

  reconcile(key: ObjectKey): ReconcileResult {
    const crt = this.store.get('Certificate', key);
    if (!crt) return {};
    const now = this.clock.now();
    const namespace = crt.metadata.namespace!;
    const secret = this.store.get('Secret', { namespace, name: crt.spec?.secretName });
    const revision: number = crt.status?.revision ?? 0;
    const renewalTime = crt.status?.renewalTime ? Date.parse(crt.status.renewalTime) : undefined;
    const issued = secret?.metadata.annotations?.['cert-manager.io/certificate-name'] === crt.metadata.name && revision > 0;
    const trigger = !secret ? { reason: 'DoesNotExist', message: 'Issuing certificate as Secret does not exist' }
      : !issued ? { reason: 'IncorrectCertificate', message: 'Issuing certificate as Secret was previously issued by another Certificate' }
      : renewalTime !== undefined && now >= renewalTime ? { reason: 'Renewing', message: `Renewing certificate as renewal was scheduled at ${crt.status.renewalTime}` }
      : undefined;
    if (!trigger) return renewalTime !== undefined ? { requeueAfter: renewalTime - now } : {};

    const requestName = `${crt.metadata.name}-${revision + 1}`;
    const request = this.store.get('CertificateRequest', { namespace, name: requestName });
    if (!request) {
      let conditions = withCondition(crt.status?.conditions, { type: 'Issuing', status: 'True', ...trigger }, crt.metadata.generation, now);
      if (!issued) conditions = withCondition(conditions, { type: 'Ready', status: 'False', ...trigger }, crt.metadata.generation, now);
      this.events.record(COMPONENT, crt, 'Normal', 'Issuing', trigger.message);
      this.events.record(COMPONENT, crt, 'Normal', 'Generated', `Stored new private key in temporary Secret resource "${crt.metadata.name}-${this.shortId(crt, revision)}"`);
      this.store.create({
        apiVersion: CERT_MANAGER_API, kind: 'CertificateRequest',
        metadata: {
          name: requestName, namespace,
          annotations: { 'cert-manager.io/certificate-name': crt.metadata.name, 'cert-manager.io/certificate-revision': String(revision + 1), 'cert-manager.io/private-key-secret-name': `${crt.metadata.name}-${this.shortId(crt, revision)}` },
          ownerReferences: [{ apiVersion: CERT_MANAGER_API, kind: 'Certificate', name: crt.metadata.name, uid: crt.metadata.uid, controller: true, blockOwnerDeletion: true }],
        },
        spec: {
          issuerRef: crt.spec.issuerRef, request: Buffer.from(`simulated CSR for ${(crt.spec.dnsNames ?? []).join(',')}`).toString('base64'),
          ...(crt.spec.duration ? { duration: crt.spec.duration } : {}), usages: crt.spec.usages ?? ['digital signature', 'key encipherment'],
        },
      });
      this.events.record(COMPONENT, crt, 'Normal', 'Requested', `Created new CertificateRequest resource "${requestName}"`);
      this.store.updateStatus({ ...crt, status: { ...crt.status, conditions } });
      return {};
    }
    const ready = conditionOf(request, 'Ready');
    if (ready?.reason === 'Issued' && request.status?.certificate) return this.storeIssued(crt, request, now);
    // Still pending (issuer missing or not ready, challenge under way): the Certificate says so.
    if (ready && !issued) {
      const conditions = withCondition(crt.status?.conditions, { type: 'Ready', status: 'False', reason: 'DoesNotExist', message: 'Issuing certificate as Secret does not exist' }, crt.metadata.generation, now);
      if (!sameConditions(conditions, crt.status?.conditions)) this.store.updateStatus({ ...crt, status: { ...crt.status, conditions } });
    }
    return {};
  }

  private storeIssued(crt: KubeObject, request: KubeObject, now: Millis): ReconcileResult {
    const namespace = crt.metadata.namespace!;
    const lifetime = durationOf(crt.spec.duration, DEFAULT_DURATION);
    const notAfter = now + lifetime;
    const renewal = Math.floor((notAfter - renewBefore(lifetime, crt.spec)) / 1000) * 1000;
    const issuerRef = crt.spec.issuerRef ?? {};
    const data = {
      'tls.crt': request.status.certificate,
      'tls.key': Buffer.from(`simulated private key of ${namespace}/${crt.metadata.name}\n`).toString('base64'),
      ...(request.status.ca ? { 'ca.crt': request.status.ca } : {}),
    };
    const annotations = {
      'cert-manager.io/alt-names': (crt.spec.dnsNames ?? []).join(','), 'cert-manager.io/certificate-name': crt.metadata.name,
      'cert-manager.io/common-name': crt.spec.commonName ?? crt.spec.dnsNames?.[0] ?? '', 'cert-manager.io/ip-sans': '', 'cert-manager.io/uri-sans': '',
      'cert-manager.io/issuer-group': issuerRef.group ?? CERT_MANAGER_GROUP, 'cert-manager.io/issuer-kind': issuerRef.kind ?? 'Issuer', 'cert-manager.io/issuer-name': issuerRef.name ?? '',
    };
    const existing = this.store.get('Secret', { namespace, name: crt.spec.secretName });
    if (existing) {
      this.store.update({ ...existing, type: existing.type, metadata: { ...existing.metadata, annotations: { ...existing.metadata.annotations, ...annotations } }, data });
    } else {
      this.store.create({ apiVersion: 'v1', kind: 'Secret', type: 'kubernetes.io/tls', metadata: { name: crt.spec.secretName, namespace, annotations, labels: { 'controller.cert-manager.io/fao': 'true' } }, data });
    }
    let conditions = withoutCondition(crt.status?.conditions, 'Issuing');
    conditions = withCondition(conditions, { type: 'Ready', status: 'True', reason: 'Ready', message: 'Certificate is up to date and has not expired' }, crt.metadata.generation, now);
    this.store.updateStatus({
      ...crt,
      status: { ...crt.status, conditions, notBefore: rfc3339(now), notAfter: rfc3339(notAfter), renewalTime: rfc3339(renewal), revision: (crt.status?.revision ?? 0) + 1 },
    });
    this.events.record(COMPONENT, crt, 'Normal', 'Issuing', 'The certificate has been successfully issued');
    return { requeueAfter: renewal - now };
  }

  /** The random suffix cert-manager gives the temporary key Secret, derived here so runs repeat. */
  private shortId(crt: KubeObject, revision: number): string {
    return `${crt.metadata.uid}${revision}`.replace(/[^a-z0-9]/g, '').slice(-5);
  }
}

/** How long the simulated ACME server takes over an order (its HTTP-01 challenge and finalisation). */
const ACME_ORDER_TIME: Millis = 10_000;

/**
 * cert-manager's CertificateRequest controllers: the internal approver approves each request;
 * the issuer it names (an Issuer in its own namespace, or a ClusterIssuer) must exist and be
 * Ready, else the request stays Pending saying why; a SelfSigned or CA issuer signs at once, an
 * ACME one once its order completes (the simulated ACME server passes every challenge).
 */
export class CertificateRequestController implements Controller {
  readonly name = 'cert-manager-certificaterequests';

  constructor(private readonly store: ObjectStore, private readonly clock: VirtualClock, private readonly events: EventRecorder) {}

  reconcile(key: ObjectKey): ReconcileResult {
    const request = this.store.get('CertificateRequest', key);
    if (!request || conditionOf(request, 'Ready')?.reason === 'Issued') return {};
    const now = this.clock.now();
    let conditions = request.status?.conditions;
    if (!conditionOf(request, 'Approved')) {
      conditions = withCondition(conditions, { type: 'Approved', status: 'True', reason: 'cert-manager.io', message: 'Certificate request has been approved by cert-manager.io' }, undefined, now);
    }
    const ref = request.spec?.issuerRef ?? {};
    const kind = ref.kind ?? 'Issuer';
    const issuer = kind === 'ClusterIssuer' ? this.store.get('ClusterIssuer', { name: ref.name }) : this.store.get('Issuer', { namespace: request.metadata.namespace, name: ref.name });
    const pending = (reason: string, message: string) => {
      const next = withCondition(conditions, { type: 'Ready', status: 'False', reason: 'Pending', message }, undefined, now);
      if (conditionOf(request, 'Ready')?.reason !== 'Pending') this.events.record(COMPONENT, request, 'Normal', reason, message);
      if (!sameConditions(next, request.status?.conditions)) this.store.updateStatus({ ...request, status: { ...request.status, conditions: next } });
      return {};
    };
    if (!issuer) return pending('IssuerNotFound', `Referenced "${kind}" not found: ${kind.toLowerCase()}.${CERT_MANAGER_GROUP} "${ref.name}" not found`);
    if (conditionOf(issuer, 'Ready')?.status !== 'True') return pending('IssuerNotReady', 'Referenced issuer does not have a Ready status condition');
    const created = Date.parse(request.metadata.creationTimestamp!);
    if (issuer.spec?.acme && now < created + ACME_ORDER_TIME) {
      pending('OrderCreated', `Created Order resource ${request.metadata.namespace}/${request.metadata.name}`);
      return { requeueAfter: created + ACME_ORDER_TIME - now };
    }
    const lifetime = durationOf(request.spec?.duration, DEFAULT_DURATION);
    const dnsNames = Buffer.from(String(request.spec?.request ?? ''), 'base64').toString().replace(/^simulated CSR for /, '').split(',').filter(Boolean);
    const certificate = simulatedCertificate({ dnsNames, issuer: `${kind}/${ref.name}`, notBefore: now, notAfter: now + lifetime });
    conditions = withCondition(conditions, { type: 'Ready', status: 'True', reason: 'Issued', message: 'Certificate fetched from issuer successfully' }, undefined, now);
    this.events.record(COMPONENT, request, 'Normal', 'CertificateIssued', 'Certificate fetched from issuer successfully');
    this.store.updateStatus({ ...request, status: { ...request.status, conditions, certificate, ...(issuer.spec?.ca || issuer.spec?.selfSigned ? { ca: certificate } : {}) } });
    return {};
  }
}
