type Pems = { cert: string; key: string };

/** One key per name and process: an RSA key takes a while to make, and scenarios serve often. */
const made = new Map<string, Promise<Pems>>();

/**
 * A self-signed serving certificate for 127.0.0.1 and localhost, valid for a year. It is its own
 * CA, so a kubeconfig trusts it by carrying the certificate itself.
 */
export function loopbackCertificate(commonName: string): Promise<Pems> {
  let pems = made.get(commonName);
  if (!pems) made.set(commonName, (pems = generate(commonName)));
  return pems;
}

async function generate(commonName: string): Promise<Pems> {
  // Loaded when first needed: its X.509 libraries take a quarter of a second to import, and most
  // runs serve nothing over HTTPS.
  const { default: selfsigned } = await import('selfsigned');
  const pems = await selfsigned.generate([{ name: 'commonName', value: commonName }], {
    keySize: 2048,
    notAfterDate: new Date(Date.now() + 365 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}
