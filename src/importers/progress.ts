import { SingleBar, Presets } from 'cli-progress';

/** Progress of a long step: a bar on a terminal, a few plain lines otherwise (CI logs, pipes). */
export interface Progress {
  advance(by: number): void;
  done(): void;
}

export interface ProgressOptions {
  /** Where plain lines go. @default process.stderr */
  stream?: NodeJS.WriteStream;
  /** Force plain lines even on a terminal. */
  plain?: boolean;
}

export function startProgress(label: string, total: number, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  if (stream.isTTY && !options.plain) {
    const bar = new SingleBar({ format: `${label.padEnd(12)} [{bar}] {percentage}% {value}/{total}`, stream, hideCursor: true }, Presets.shades_classic);
    bar.start(total, 0);
    return { advance: (by) => bar.increment(by), done: () => bar.stop() };
  }
  let value = 0;
  let nextReport = 0.25;
  return {
    advance(by) {
      value += by;
      if (total > 0 && value < total && value / total >= nextReport) {
        stream.write(`${label}: ${value.toLocaleString('en')} of ${total.toLocaleString('en')}\n`);
        while (value / total >= nextReport) nextReport += 0.25;
      }
    },
    done() {
      stream.write(`${label}: ${value.toLocaleString('en')} of ${total.toLocaleString('en')} done\n`);
    },
  };
}
