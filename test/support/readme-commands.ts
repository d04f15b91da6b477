import type { CodeBlock } from "./readme-blocks.js";

/** One command of a README shell block, as words (quotes removed, redirections and comments dropped). */
export interface ShellCommand {
  readonly words: readonly string[];
  /** The command as written, for messages. */
  readonly text: string;
  /** The README line it starts on. */
  readonly line: number;
  /** Files named by `< file` and `> file`. */
  readonly redirects: Redirects;
  /** What the README shows it printing: the lines up to the next `$ ` prompt (prompted blocks only). */
  readonly shownOutput: string | undefined;
}

/** The files a command reads (`< in`) and writes (`> out`). */
export interface Redirects {
  stdin?: string;
  stdout?: string;
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
    let next = i + 1;
    while (prompted && next < lines.length && !lines[next]!.startsWith("$ ")) next++;
    const shownOutput = prompted ? lines.slice(i + 1, next).join("\n") : undefined;
    for (const { words, redirects } of shellWords(text)) {
      if (words.length > 0) commands.push({ words, text: text.trim(), line, redirects, shownOutput });
    }
  }
  return commands;
}

/**
 * Splits a command line into its commands (at `&&`, `||`, `|`, `;`) and each into words as a POSIX
 * shell would, minus comments and redirections.
 */
export function shellWords(text: string): { words: string[]; redirects: Redirects }[] {
  const commands: { words: string[]; redirects: Redirects }[] = [];
  let words: string[] = [];
  let redirects: Redirects = {};
  let word: string | undefined;
  let redirect: "stdin" | "stdout" | undefined;
  const end = () => {
    if (word !== undefined && redirect) redirects[redirect] = word;
    else if (word !== undefined) words.push(word);
    if (word !== undefined) redirect = undefined;
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
      redirect = c === "<" ? "stdin" : "stdout";
    } else if (c === "|" || c === ";" || c === "&") {
      end();
      if (text[i + 1] === c) i++;
      commands.push({ words, redirects });
      words = [];
      redirects = {};
    } else {
      word = (word ?? "") + c;
    }
  }
  end();
  commands.push({ words, redirects });
  return commands;
}
