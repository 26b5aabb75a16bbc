// Hidden passphrase input on a terminal. Raw mode so nothing is echoed; the typed characters live only
// in this process's memory and are never written anywhere.

export interface PromptStreams {
  stdin: NodeJS.ReadStream;
  /** Prompts go to stderr so stdout stays clean for data (export, --json). */
  stderr: NodeJS.WritableStream;
}

export class PromptCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'PromptCancelled';
  }
}

export function readHidden(prompt: string, { stdin, stderr }: PromptStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let value = '';
    let inEscape = false; // skip terminal escape sequences such as arrow keys (ESC [ A)
    const wasRaw = stdin.isRaw;
    // Raw mode before the prompt appears, so nothing typed after seeing the prompt is ever echoed.
    stdin.setRawMode(true);
    stderr.write(prompt);
    stdin.resume();
    stdin.setEncoding('utf8');
    const finish = (err: Error | null) => {
      stdin.setRawMode(wasRaw);
      stdin.pause();
      stdin.removeListener('data', onData);
      stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (inEscape) {
          if (/[A-Za-z~]/.test(ch)) inEscape = false;
          continue;
        }
        if (ch === '\u001b') {
          inEscape = true;
          continue;
        }
        if (ch === '\r' || ch === '\n') return finish(null);
        if (ch === '\u0003' || ch === '\u0004') return finish(new PromptCancelled()); // Ctrl-C / Ctrl-D
        if (ch === '\u007f' || ch === '\b') {
          value = Array.from(value).slice(0, -1).join('');
          continue;
        }
        if (ch === '\u0015') {
          value = ''; // Ctrl-U clears the line
          continue;
        }
        if (ch < ' ') continue; // other control characters (arrow-key escapes start with ESC)
        value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
