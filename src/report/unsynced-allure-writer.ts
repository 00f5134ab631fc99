import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestResult, TestResultContainer } from 'allure-js-commons';
import { FileSystemWriter } from 'allure-js-commons/sdk/reporter';

/**
 * Allure's file writer, without an fsync per file. allure-js-commons writes every result,
 * container and attachment through a temp file, fsync and rename; a built-in library run writes
 * thousands of them, and on a small VM the fsyncs alone took about a tenth of the run (CPU
 * profile of `kubespec run features/workloads`, 2026-12-06). The results are rebuilt by the next
 * run if the machine dies mid-way, and nothing reads them while they are written, so durability
 * buys nothing here. The once-per-run files (environment, categories) keep the library's path.
 */
export class UnsyncedAllureWriter extends FileSystemWriter {
  private made = false;

  constructor(private readonly resultsDir: string) {
    super({ resultsDir });
  }

  private path(name: string): string {
    if (!this.made) mkdirSync(this.resultsDir, { recursive: true });
    this.made = true;
    return join(this.resultsDir, name);
  }

  override writeAttachment(distFileName: string, content: Buffer): void {
    writeFileSync(this.path(distFileName), content);
  }

  override writeResult(result: TestResult): void {
    writeFileSync(this.path(`${result.uuid}-result.json`), JSON.stringify(result), 'utf8');
  }

  override writeGroup(result: TestResultContainer): void {
    writeFileSync(this.path(`${result.uuid}-container.json`), JSON.stringify(result), 'utf8');
  }
}
