// Preloaded with --import: reports the process's peak resident memory on exit (KiB), on stderr.
process.on('exit', () => process.stderr.write(`\nmaxRSS ${process.resourceUsage().maxRSS}\n`));
