import type { CodeBlock } from "./readme-blocks.js";

/** One command of a README shell block, as words (quotes removed, redirections and comments dropped). */
export interface ShellCommand {
  readonly words: readonly string[];
  /** The command as written, for messages. */
  readonly text: string;
  /** The README line it starts on. */
  readonly line: number;
}

/**
 * The commands of a `sh` block. In a block with `$ ` prompts only the prompted lines are commands
 * (the rest is their output); otherwise every line is. A trailing `\` joins the next line.
 *
 * @example
 * ```ts
 * const [install] = shellCommands(block); // { words: ["npm", "install", "@cmshooks/core"], … }
 * ```
 */
export function shellCommands(block: CodeBlock): ShellCommand[] {
  const lines = block.code.split("\n");
  const prompted = lines.some((l) => l.startsWith("$ "));
  const commands: ShellCommand[] = [];
  for (let i = 0; i < lines.length; i++) {
    let text = lines[i]!;
    const line = block.line + 1 + i;
    if (prompted && !text.startsWith("$ ")) continue;
    if (prompted) text = text.slice(2);
    while (text.endsWith("\\") && i + 1 < lines.length) text = `${text.slice(0, -1)} ${lines[++i]!.trim()}`;
    for (const words of shellWords(text)) if (words.length > 0) commands.push({ words, text: text.trim(), line });
  }
  return commands;
}

/**
 * Splits a command line into its commands (at `&&`, `||`, `|`, `;`) and each into words as a POSIX
 * shell would, minus comments and redirections.
 */
export function shellWords(text: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word: string | undefined;
  let redirect = false;
  const end = () => {
    if (word !== undefined && !redirect) words.push(word);
    if (word !== undefined) redirect = false;
    word = undefined;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      if (close < 0) throw new Error(`unbalanced ${c} in: ${text}`);
      word = (word ?? "") + text.slice(i + 1, close);
      i = close;
    } else if (/\s/.test(c)) {
      end();
    } else if (c === "#" && word === undefined) {
      break;
    } else if ((c === "<" || c === ">") && word === undefined) {
      redirect = true;
    } else if (c === "|" || c === ";" || c === "&") {
      end();
      if (text[i + 1] === c) i++;
      commands.push(words);
      words = [];
    } else {
      word = (word ?? "") + c;
    }
  }
  end();
  commands.push(words);
  return commands;
}
