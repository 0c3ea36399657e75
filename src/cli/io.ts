/** What the CLI needs from its process, so that tests can run it in-process. */
export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(s: string): void; isTTY?: boolean };
  stderr: { write(s: string): void };
  /** Writes a whole file atomically (temporary file, then rename). */
  writeFile(path: string, text: string): Promise<void>;
}
