import { rfc3339, type Millis } from '../../clock.ts';

/**
 * A certificate the simulated issuers hand out: PEM-armoured like a real one, but its body is
 * a readable description (names, issuer, validity), not DER: nothing in the simulator verifies
 * signatures, and a reader of the Secret can see what was issued. Base64 of the PEM, as
 * CertificateRequest.status.certificate and Secret data hold it.
 */
export function simulatedCertificate(facts: { dnsNames: string[]; issuer: string; notBefore: Millis; notAfter: Millis }): string {
  const body = Buffer.from(JSON.stringify({ simulated: true, dnsNames: facts.dnsNames, issuer: facts.issuer, notBefore: rfc3339(facts.notBefore), notAfter: rfc3339(facts.notAfter) })).toString('base64');
  const lines = body.match(/.{1,64}/g) ?? [];
  return Buffer.from(`-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`).toString('base64');
}
