/**
 * The API server's name rules (k8s.io/apimachinery pkg/util/validation, v0.32.5 and v0.37.2
 * alike): each returns the messages it gives for a value, none when the value is fine. The order
 * and the words are upstream's, since `kubectl` prints them as they come.
 */
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const SUBDOMAIN_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';
const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';

/** RegexError: the rule, its examples, and the regex. */
function regexError(message: string, format: string, ...examples: string[]): string {
  return `${message} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${format}')`;
}

const maxLength = (n: number) => `must be no more than ${n} characters`;

/** IsDNS1123Label: namespaces, a StatefulSet's serviceName (1.33+), container names. */
export function dns1123LabelProblems(value: string): string[] {
  const problems = value.length > 63 ? [maxLength(63)] : [];
  if (!LABEL.test(value)) {
    problems.push(SUBDOMAIN.test(value) ? 'must not contain dots' : regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character", LABEL_FMT, 'my-name', '123-abc'));
  }
  return problems;
}

/** Whether a value has a DNS-1123 subdomain's form (a label key's prefix is checked by it). */
export const matchesDns1123Subdomain = (value: string): boolean => SUBDOMAIN.test(value);

/** IsDNS1123Subdomain: the names of most kinds. */
export function dns1123SubdomainProblems(value: string): string[] {
  const problems = value.length > 253 ? [maxLength(253)] : [];
  if (!SUBDOMAIN.test(value)) problems.push(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", SUBDOMAIN_FMT, 'example.com'));
  return problems;
}

/** IsDNS1035Label: Service names (ValidateServiceName is NameIsDNS1035Label). */
export function dns1035LabelProblems(value: string): string[] {
  const problems = value.length > 63 ? [maxLength(63)] : [];
  if (!DNS1035.test(value)) problems.push(regexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character", DNS1035_FMT, 'my-name', 'abc-123'));
  return problems;
}
