import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { maskSecrets, secretValues } from './secret-values.ts';

/**
 * After a run: the Secrets written into the features' doc strings are in the report as the
 * feature's own text (the message stream carries the source, Allure shows the steps). Their
 * values are masked in every report file, as CI systems mask registered secrets. Returns how many
 * values were masked.
 */
export function maskSecretsInReports(reports: string): number {
  const messages = join(reports, 'messages.ndjson');
  if (!existsSync(messages)) return 0;
  const values = secretValues(docStringObjects(readFileSync(messages, 'utf8')));
  if (values.length === 0) return 0;
  const files = [messages, join(reports, 'junit.xml'), ...listFiles(join(reports, 'allure-results'))];
  for (const file of files.filter(existsSync)) {
    const text = readFileSync(file, 'utf8');
    const masked = maskSecrets(text, values);
    if (masked !== text) writeFileSync(file, masked);
  }
  return values.length;
}

/** The YAML objects of every doc string of the run's pickles. */
function docStringObjects(ndjson: string): any[] {
  const contents: string[] = [];
  for (const line of ndjson.split('\n')) {
    if (!line.includes('"pickle"')) continue;
    const pickle = JSON.parse(line).pickle;
    for (const step of pickle?.steps ?? []) {
      const content = step.argument?.docString?.content;
      if (typeof content === 'string') contents.push(content);
    }
  }
  return secretObjectsOfDocStrings(contents);
}

/** The YAML objects of the doc strings that may hold a Secret (the others are not parsed). */
export function secretObjectsOfDocStrings(contents: readonly string[]): any[] {
  const objects: any[] = [];
  for (const content of contents) {
    if (!content.includes('Secret')) continue;
    for (const doc of parseAllDocuments(content)) if (!(doc as any).errors?.length) objects.push(doc.toJS());
  }
  return objects;
}

function listFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).map((f) => join(dir, f)) : [];
}
