// The command-line options of the Node benchmarks in tools/load: `--name=value` pairs over a table of
// defaults (a number default makes the option a number), and a `--base` that must be a loopback address.

/** The options in `argv` over `defaults`; throws an Error naming the problem for anything else. */
export function parseOptions(argv, defaults) {
  const options = { ...defaults };
  for (const arg of argv) {
    const match = /^--([a-z][a-z-]*)=(.*)$/.exec(arg);
    if (!match || !(match[1] in defaults)) {
      throw new Error(`unknown argument '${arg}'; options: ${Object.keys(defaults).map((k) => `--${k}`).join(' ')}`);
    }
    options[match[1]] = typeof defaults[match[1]] === 'number' ? Number(match[2]) : match[2];
  }
  const url = new URL(options.base);
  if (!['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) {
    throw new Error(`--base must be a loopback address, got ${options.base}`);
  }
  return options;
}

/** Throws unless every option in `keys` is an integer of at least `min`. */
export function requireIntegers(options, keys, min = 1) {
  for (const key of keys) {
    if (!Number.isInteger(options[key]) || options[key] < min) throw new Error(`--${key} must be an integer of at least ${min}`);
  }
}

/** `parse` applied to this process's arguments; on a wrong one, its message and exit status 2. */
export function optionsOrExit(parse) {
  try {
    return parse(process.argv.slice(2));
  } catch (wrong) {
    console.error(wrong.message);
    return process.exit(2);
  }
}

/** Exits with status 1 unless `GET path` on `base` answers 200; returns the answer. */
export async function probeOrExit(base, path) {
  const probe = await fetch(new URL(path, base)).catch((e) => {
    console.error(`no server at ${base} (${e.cause?.code || e.message}): start one with scripts/run.sh`);
    process.exit(1);
  });
  if (probe.status !== 200) {
    console.error(`GET ${path} answered ${probe.status}: ${await probe.text()}`);
    process.exit(1);
  }
  return probe;
}
