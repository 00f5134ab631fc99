import type { VirtualClock } from '../../clock.ts';
import type { EventRecorder } from '../../events.ts';
import type { ObjectStore } from '../../store/object-store.ts';
import type { ObjectKey } from '../../store/types.ts';
import type { Controller, ReconcileResult } from '../../controllers/controller.ts';
import { CERT_MANAGER_NAMESPACE } from './crds.ts';
import { sameConditions, withCondition, type Condition } from './conditions.ts';

const COMPONENT = 'cert-manager-issuers';

/** The namespace an issuer keeps its Secrets in: its own, or cert-manager's for a ClusterIssuer. */
export const resourceNamespace = (issuer: any) => issuer.metadata.namespace ?? CERT_MANAGER_NAMESPACE;

/**
 * cert-manager's issuers controller for one kind (Issuer or ClusterIssuer): the issuer's Setup
 * sets its Ready condition. ACME registers an account with the server, keeping the account key
 * in the Secret named by privateKeySecretRef (made if missing); SelfSigned is ready at once; CA
 * needs its key pair Secret. The simulated ACME server accepts every registration.
 */
export class IssuerController implements Controller {
  readonly name: string;
  private accounts = 0;

  constructor(private readonly kind: 'Issuer' | 'ClusterIssuer', private readonly store: ObjectStore, private readonly clock: VirtualClock, private readonly events: EventRecorder) {
    this.name = `cert-manager-${kind.toLowerCase()}s`;
  }

  reconcile(key: ObjectKey): ReconcileResult {
    const issuer = this.store.get(this.kind, key);
    if (!issuer) return {};
    const now = this.clock.now();
    const { ready, status } = this.setup(issuer);
    const conditions = withCondition(issuer.status?.conditions, ready, issuer.metadata.generation, now);
    if (sameConditions(conditions, issuer.status?.conditions) && JSON.stringify(status) === JSON.stringify(issuer.status?.acme ?? {})) return {};
    if (ready.status === 'False') this.events.record(COMPONENT, issuer, 'Warning', ready.reason, ready.message);
    this.store.updateStatus({ ...issuer, status: { ...issuer.status, ...(issuer.spec?.acme ? { acme: status } : {}), conditions } });
    return {};
  }

  private setup(issuer: any): { ready: Condition; status: any } {
    const spec = issuer.spec ?? {};
    const namespace = resourceNamespace(issuer);
    if (spec.acme) {
      const keyName = spec.acme.privateKeySecretRef?.name;
      if (!keyName) return { ready: { type: 'Ready', status: 'False', reason: 'ErrRegisterACMEAccount', message: 'Failed to register ACME account: spec.acme.privateKeySecretRef.name must be set' }, status: {} };
      if (!this.store.get('Secret', { namespace, name: keyName })) {
        this.store.create({ apiVersion: 'v1', kind: 'Secret', type: 'Opaque', metadata: { name: keyName, namespace }, data: { 'tls.key': Buffer.from(`simulated ACME account key of ${namespace}/${keyName}\n`).toString('base64') } });
      }
      const uri = issuer.status?.acme?.uri ?? `${new URL(spec.acme.server).origin}/acme/acct/${++this.accounts}`;
      return {
        ready: { type: 'Ready', status: 'True', reason: 'ACMEAccountRegistered', message: 'The ACME account was registered with the ACME server' },
        status: { uri, ...(spec.acme.email ? { lastRegisteredEmail: spec.acme.email } : {}) },
      };
    }
    if (spec.selfSigned) return { ready: { type: 'Ready', status: 'True', reason: 'IsReady', message: '' }, status: {} };
    if (spec.ca) {
      const secret = this.store.get('Secret', { namespace, name: spec.ca.secretName });
      if (!secret) return { ready: { type: 'Ready', status: 'False', reason: 'ErrGetKeyPair', message: `Error getting keypair for CA issuer: secret "${spec.ca.secretName}" not found` }, status: {} };
      return { ready: { type: 'Ready', status: 'True', reason: 'KeyPairVerified', message: 'Signing CA verified' }, status: {} };
    }
    return { ready: { type: 'Ready', status: 'False', reason: 'IssuerTypeMissing', message: 'Missing issuer type' }, status: {} };
  }
}
