// Argument parsing for the samverka command, with Swedish messages for usage errors.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** The command line was wrong: print the message and the usage, exit 2. */
export class UsageError extends Error {}

/** The options a command takes: name → label (Swedish) and whether it is required. */
export interface OptionSpec {
	label: string;
	required?: boolean;
}

export type Options = Record<string, string | undefined>;

function swedish(e: { code?: string; message: string }): string {
	const option = /'(-{1,2}[^' ]+)/.exec(e.message)?.[1];
	switch (e.code) {
		case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
			return `okänt alternativ: ${option ?? e.message}.`;
		case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
			return `${option ?? 'alternativet'} behöver ett värde.`;
		case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
			return `oväntat argument: ${/'([^']+)'/.exec(e.message)?.[1] ?? e.message}.`;
		default:
			return e.message;
	}
}

/** Parses `--name value` options of a command; every option takes a string. */
export function parseOptions(command: string, args: string[], spec: Record<string, OptionSpec>): Options {
	const config: ParseArgsOptionsConfig = {};
	for (const name of Object.keys(spec)) config[name] = { type: 'string' };
	let values: Options;
	try {
		({ values } = parseArgs({ args, options: config, strict: true, allowPositionals: false }) as { values: Options });
	} catch (e) {
		throw new UsageError(`${command}: ${swedish(e as { code?: string; message: string })}`);
	}
	const missing = Object.entries(spec).filter(([name, s]) => s.required && values[name] === undefined);
	if (missing.length) {
		const list = missing.map(([name, s]) => `--${name} (${s.label})`).join(', ');
		throw new UsageError(`${command}: ange ${list}.`);
	}
	return values;
}
