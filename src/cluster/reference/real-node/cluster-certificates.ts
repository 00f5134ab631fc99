type Pems = { cert: string; key: string };

/**
 * Certificates of a cluster with real nodes. The API server's serving certificate is its own CA
 * (as the loopback one is) but also names the addresses pods and the kubelet dial: the node
 * link's host address and the `kubernetes` Service (10.96.0.1 and its DNS names), which CoreDNS
 * and every in-cluster client verify against kube-root-ca.crt. The kubelet client certificate
 * (O=system:masters, as kubeadm's apiserver-kubelet-client) is signed by it, and the kubelets
 * trust that CA for clients: the API server is the only client their port accepts.
 */
export async function clusterCertificates(addresses: string[]): Promise<{ serving: Pems; kubeletClient: Pems }> {
  // Loaded when a real node asks for it, as serve does: its X.509 libraries cost every CLI start otherwise.
  const { default: selfsigned } = await import('selfsigned');
  const year = new Date(Date.now() + 365 * 24 * 3600 * 1000);
  const names = ['localhost', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local'];
  const ca = await selfsigned.generate([{ name: 'commonName', value: 'kube-apiserver' }], {
    keySize: 2048,
    notAfterDate: year,
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      // Go checks a chain's extended key usages all the way up: the CA must allow client auth
      // too, or the kubelet refuses the client certificate it signed ("incompatible key usage").
      { name: 'extKeyUsage', serverAuth: true, clientAuth: true },
      { name: 'subjectAltName', altNames: [...['127.0.0.1', '10.96.0.1', ...addresses].map((ip) => ({ type: 7 as const, ip })), ...names.map((value) => ({ type: 2 as const, value }))] },
    ],
  });
  const client = await selfsigned.generate([{ name: 'commonName', value: 'kube-apiserver-kubelet-client' }, { name: 'organizationName', value: 'system:masters' }], {
    keySize: 2048,
    notAfterDate: year,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', clientAuth: true },
    ],
  });
  return { serving: { cert: ca.cert, key: ca.private }, kubeletClient: { cert: client.cert, key: client.private } };
}
