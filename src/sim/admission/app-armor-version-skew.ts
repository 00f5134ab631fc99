import { behaviour, type KubernetesVersion } from '../../kube/kubernetes-versions.ts';
import type { AdmissionPlugin } from './admission.ts';

/**
 * The pod strategy's PrepareForCreate keeps the deprecated per-container AppArmor annotations
 * (`container.apparmor.security.beta.kubernetes.io/<container>`) and the securityContext
 * appArmorProfile fields in step (pkg/registry/core/pod/strategy.go applyAppArmorVersionSkew):
 *
 * - annotation → field, every release: a container with the annotation and no field gets the
 *   field, unless it equals the pod-level profile; an annotation that gives no valid field, or one
 *   that was copied, draws the warning `metadata.annotations[<key>]: deprecated since v1.30; use
 *   the "appArmorProfile" field instead`.
 * - field → annotation, up to 1.33 only (K@1.32.13 strategy.go:866-879): a container without the
 *   annotation gets one from its own profile, else from the pod's. From 1.34 nothing is copied
 *   that way (K@1.34.4 strategy.go:961, CHANGELOG-1.34 #131989; data:
 *   api.pod.appArmorAnnotationsCopied).
 *
 * Only at creation, and not for Windows pods. Not modelled: the annotation/field validation
 * (ValidateAppArmorPodAnnotations) and the same warning for pod templates (pkg/api/pod/warnings.go).
 */
export const APP_ARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

interface Profile { type: string; localhostProfile?: string }

export function appArmorVersionSkew(version: KubernetesVersion): AdmissionPlugin {
  const copiesFieldsToAnnotations = behaviour(version, 'api.pod.appArmorAnnotationsCopied').value;
  return {
    name: 'AppArmorVersionSkew',
    admit({ object, operation, warnings }) {
      if (object.kind !== 'Pod' || operation !== 'CREATE' || object.spec?.os?.name === 'windows') return;
      const podProfile: Profile | undefined = object.spec?.securityContext?.appArmorProfile;
      const spec = object.spec ?? {};
      for (const ctr of [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])]) {
        const key = APP_ARMOR_ANNOTATION_PREFIX + ctr.name;
        const annotations: Record<string, string> = object.metadata.annotations ?? {};
        const containerProfile: Profile | undefined = ctr.securityContext?.appArmorProfile;
        if (!(key in annotations)) {
          if (!copiesFieldsToAnnotations) continue;
          const value = annotationFor(containerProfile ?? podProfile);
          if (value) object.metadata.annotations = { ...annotations, [key]: value };
        } else if (!containerProfile) {
          const field = fieldFor(annotations[key]!);
          let warn = field === undefined;
          if (field && !sameProfile(field, podProfile)) {
            ctr.securityContext = { ...(ctr.securityContext ?? {}), appArmorProfile: field };
            warn = true;
          }
          if (warn) warnings?.push(`metadata.annotations[${key}]: deprecated since v1.30; use the "appArmorProfile" field instead`);
        }
      }
    },
  };
}

/** appArmorAnnotationForField: no annotation for a Localhost profile without its name, or an unknown type. */
function annotationFor(p: Profile | undefined): string | undefined {
  if (p?.type === 'Unconfined') return 'unconfined';
  if (p?.type === 'RuntimeDefault') return 'runtime/default';
  if (p?.type === 'Localhost' && p.localhostProfile !== undefined) return `localhost/${p.localhostProfile}`;
  return undefined;
}

/** pkg/api/pod/util.go ApparmorFieldForAnnotation, then ValidateAppArmorProfileField (a padded name is invalid). */
function fieldFor(annotation: string): Profile | undefined {
  if (annotation === 'unconfined') return { type: 'Unconfined' };
  if (annotation === 'runtime/default') return { type: 'RuntimeDefault' };
  if (annotation.startsWith('localhost/')) {
    const name = annotation.slice('localhost/'.length);
    if (name !== '' && name.trim() === name && name.length <= 4095) return { type: 'Localhost', localhostProfile: name };
  }
  return undefined;
}

const sameProfile = (a: Profile, b: Profile | undefined): boolean => b !== undefined && a.type === b.type && a.localhostProfile === b.localhostProfile;
