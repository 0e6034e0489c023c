/**
 * Entry point: `node dist/src/main.js` serves (src/serve.ts); `node dist/src/main.js <command> …`
 * runs a command (src/cli.ts). The build is brought up to date first (src/fresh-build.ts), and only
 * then is the rest loaded, so it runs the code as it is now.
 */
import './fresh-build';

require(process.argv.length > 2 ? './cli' : './serve');
