@networking @tls
Feature: TLS certificates from cert-manager
  With cert-manager installed, an Issuer (namespaced) or ClusterIssuer (cluster-wide) signs
  Certificates into kubernetes.io/tls Secrets, renews them two thirds through their lifetime
  (or renewBefore ahead of expiry), and its ingress-shim makes a Certificate for each TLS entry
  of an Ingress annotated cert-manager.io/issuer or cert-manager.io/cluster-issuer. On the
  simulator the ACME server passes every challenge (an order takes 10 s); the certificates are
  PEM-armoured descriptions, not signed X.509.

  Background:
    Given a cluster with 1 worker node
    And cert-manager is installed
    And an ingress controller for class "nginx" is installed

  @sim-only @C001-211 @C002-217 @C002-216
  Scenario: an Ingress annotated with a Let's Encrypt ClusterIssuer gets its certificate, served for its host
    Given the following manifest is applied:
      """yaml
      apiVersion: cert-manager.io/v1
      kind: ClusterIssuer
      metadata: {name: letsencrypt-prod}
      spec:
        acme:
          server: https://acme-v02.api.letsencrypt.org/directory
          email: admin@example.com
          privateKeySecretRef: {name: letsencrypt-prod}
          solvers:
            - http01: {ingress: {ingressClassName: nginx}}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: shop}
      spec:
        selector: {app: shop}
        ports: [{port: 80}]
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: shop
        annotations: {cert-manager.io/cluster-issuer: letsencrypt-prod}
      spec:
        ingressClassName: nginx
        tls: [{hosts: [shop.example.com], secretName: shop-tls}]
        rules:
          - host: shop.example.com
            http:
              paths: [{path: /, pathType: Prefix, backend: {service: {name: shop, port: {number: 80}}}}]
      """
    Then ClusterIssuer "letsencrypt-prod" matches within 30s:
      """yaml
      status:
        acme: {lastRegisteredEmail: admin@example.com}
        conditions:
          - {type: Ready, status: "True", reason: ACMEAccountRegistered, message: The ACME account was registered with the ACME server}
      """
    And "kubectl get secret letsencrypt-prod --namespace cert-manager -o name" prints "secret/letsencrypt-prod"
    And Ingress "shop" has a CreateCertificate event saying "Successfully created Certificate \"shop-tls\"" within 30s
    And Certificate "shop-tls" matches within 1 minute:
      """yaml
      spec:
        dnsNames: [shop.example.com]
        secretName: shop-tls
        issuerRef: {name: letsencrypt-prod, kind: ClusterIssuer, group: cert-manager.io}
      status:
        revision: 1
        conditions:
          - {type: Ready, status: "True", reason: Ready, message: Certificate is up to date and has not expired}
      """
    And Secret "shop-tls" matches:
      """yaml
      type: kubernetes.io/tls
      metadata:
        annotations: {cert-manager.io/alt-names: shop.example.com, cert-manager.io/issuer-kind: ClusterIssuer, cert-manager.io/issuer-name: letsencrypt-prod}
      """
    And a request to "https://shop.example.com/" is served with the certificate in secret "shop-tls"

  @sim-only @C002-215
  Scenario: an Issuer signs only in its own namespace; a ClusterIssuer signs in any
    Given the following manifest is applied:
      """yaml
      apiVersion: cert-manager.io/v1
      kind: Issuer
      metadata: {name: team-issuer}
      spec: {selfSigned: {}}
      ---
      apiVersion: cert-manager.io/v1
      kind: ClusterIssuer
      metadata: {name: shared-issuer}
      spec: {selfSigned: {}}
      ---
      apiVersion: v1
      kind: Namespace
      metadata: {name: elsewhere}
      ---
      apiVersion: cert-manager.io/v1
      kind: Certificate
      metadata: {name: here}
      spec:
        secretName: here-tls
        dnsNames: [here.example.com]
        issuerRef: {name: team-issuer, kind: Issuer}
      ---
      apiVersion: cert-manager.io/v1
      kind: Certificate
      metadata: {name: there, namespace: elsewhere}
      spec:
        secretName: there-tls
        dnsNames: [there.example.com]
        issuerRef: {name: team-issuer, kind: Issuer}
      ---
      apiVersion: cert-manager.io/v1
      kind: Certificate
      metadata: {name: shared, namespace: elsewhere}
      spec:
        secretName: shared-tls
        dnsNames: [shared.example.com]
        issuerRef: {name: shared-issuer, kind: ClusterIssuer}
      """
    Then Issuer "team-issuer" matches within 30s:
      """yaml
      status:
        conditions: [{type: Ready, status: "True", reason: IsReady}]
      """
    And Certificate "here" matches within 30s:
      """yaml
      status:
        conditions: [{type: Ready, status: "True"}]
      """
    And "kubectl get certificate shared --namespace elsewhere -o jsonpath={.status.conditions[?(@.type=='Ready')].status}" prints "True"
    And "kubectl get certificate there --namespace elsewhere -o jsonpath={.status.conditions[?(@.type=='Ready')].reason}" prints "DoesNotExist"
    And "kubectl get certificaterequest there-1 --namespace elsewhere -o jsonpath={.status.conditions[?(@.type=='Ready')].message}" prints "Referenced \"Issuer\" not found: issuer.cert-manager.io \"team-issuer\" not found"
    And "kubectl get secret there-tls --namespace elsewhere" fails with "not found"

  @sim-only @C002-218
  Scenario: a certificate is renewed two thirds through its lifetime, or renewBefore ahead of expiry
    Given the following manifest is applied:
      """yaml
      apiVersion: cert-manager.io/v1
      kind: Issuer
      metadata: {name: selfsigned}
      spec: {selfSigned: {}}
      ---
      apiVersion: cert-manager.io/v1
      kind: Certificate
      metadata: {name: day}
      spec:
        secretName: day-tls
        dnsNames: [day.example.com]
        duration: 24h
        issuerRef: {name: selfsigned}
      ---
      apiVersion: cert-manager.io/v1
      kind: Certificate
      metadata: {name: early}
      spec:
        secretName: early-tls
        dnsNames: [early.example.com]
        duration: 24h
        renewBefore: 20h
        issuerRef: {name: selfsigned}
      """
    And Certificate "day" matches within 30s:
      """yaml
      status: {revision: 1}
      """
    When 5 hours pass
    Then Certificate "early" matches:
      """yaml
      status: {revision: 2}
      """
    And Certificate "day" matches:
      """yaml
      status: {revision: 1}
      """
    When 11h30m pass
    Then Certificate "day" matches:
      """yaml
      status:
        revision: 2
        conditions: [{type: Ready, status: "True"}]
      """
    And Certificate "day" has a Issuing event saying "Renewing certificate as renewal was scheduled at"
