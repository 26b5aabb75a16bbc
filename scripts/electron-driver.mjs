// How `npm start` gets better-sqlite3-multiple-ciphers for Electron's ABI (used by scripts/start-electron.mjs).
// Most offices run Windows without a C++ toolchain, so the driver's prebuilt binary comes first:
//   1. prebuild-install --runtime electron --target <electron version> (downloads the prebuilt binary the
//      driver publishes for that Electron ABI, platform and architecture);
//   2. only when that fails: build from source with node-gyp against Electron's headers;
//   3. when both fail: say in Dutch what to install for this platform, and how to run the app without it.
// Every process is started through the `spawn` parameter, so the order and the messages are unit-tested
// with a fake (tests/unit/scripts/electron-driver.test.ts); start-electron.mjs passes the real spawnSync.

/** The toolchain a source build needs, per platform (Dutch, for the person running `npm start`). */
export function toolchainAdvice(platform) {
  switch (platform) {
    case 'win32':
      return [
        'Installeer de Visual Studio Build Tools met de workload "Desktopontwikkeling met C++"',
        '("Desktop development with C++"): https://visualstudio.microsoft.com/visual-cpp-build-tools/',
        'en Python 3 (https://www.python.org/downloads/, vink "Add python.exe to PATH" aan).',
      ];
    case 'darwin':
      return ['Installeer de Xcode Command Line Tools: voer in Terminal uit:  xcode-select --install', '(Python 3 hoort daarbij.)'];
    default:
      return [
        'Installeer een C++-compiler, make en Python 3:',
        '  Debian/Ubuntu:  sudo apt-get install build-essential python3',
        '  Fedora:         sudo dnf install gcc-c++ make python3',
      ];
  }
}

/** The message when neither the prebuilt binary nor a source build worked. */
export function driverFailureMessage({ electronVersion, platform, arch, prebuiltTried, sourceTried }) {
  return [
    `Houvast: de databasedriver voor Electron ${electronVersion} (${platform}-${arch}) kon niet worden geïnstalleerd.`,
    prebuiltTried
      ? '  1. Een kant-en-klare versie downloaden lukte niet (geen internetverbinding, of er is er geen voor dit systeem).'
      : '  1. Een kant-en-klare versie downloaden kon niet: prebuild-install ontbreekt (voer eerst "npm install" uit).',
    sourceTried
      ? '  2. Zelf bouwen lukte niet: er ontbreekt een C++-bouwomgeving (of de Electron-headers konden niet worden gedownload).'
      : '  2. Zelf bouwen kon niet: node-gyp is niet gevonden (het hoort bij npm).',
    '',
    'Wat u kunt doen:',
    ...toolchainAdvice(platform).map((line) => `  ${line}`),
    '  Start daarna opnieuw:  npm start',
    '',
    'Zonder bouwomgeving werkt Houvast ook in de browser op deze computer:  npm run web',
  ].join('\n');
}

/**
 * Installs the Electron-ABI driver into `srcDir` (a copy of the driver package, so the Node build in
 * node_modules stays intact). Returns { ok: true, method: 'prebuilt' | 'source' } or { ok: false, message }.
 *
 * @param {object} o
 * @param {string} o.electronVersion
 * @param {string} o.platform
 * @param {string} o.arch
 * @param {string} o.srcDir           copy of the driver package to install into
 * @param {string|null} o.prebuildInstall  path of prebuild-install's bin.js, or null when absent
 * @param {string|null} o.nodeGyp     path of node-gyp.js, or null when absent
 * @param {string} o.nodePath         the node executable that runs both
 * @param {Record<string, string|undefined>} o.env
 * @param {(cmd: string, args: string[], options: {cwd: string, env: Record<string, string|undefined>}) => {status: number|null, error?: Error}} o.spawn
 * @param {() => boolean} o.built     whether srcDir now holds build/Release/better_sqlite3.node
 * @param {(line: string) => void} [o.log]
 */
export function installElectronDriver(o) {
  const log = o.log ?? (() => {});
  const ok = (res) => !res.error && res.status === 0 && o.built();
  // A nodedir pointing at Node's headers would give a Node-ABI module.
  const env = Object.fromEntries(Object.entries(o.env).filter(([k]) => k.toLowerCase() !== 'npm_config_nodedir'));

  if (o.prebuildInstall) {
    log(`Houvast: kant-en-klare databasedriver ophalen voor Electron ${o.electronVersion} ...`);
    const res = o.spawn(o.nodePath, [o.prebuildInstall, '--runtime', 'electron', '--target', o.electronVersion, '--arch', o.arch, '--platform', o.platform], {
      cwd: o.srcDir,
      env,
    });
    if (ok(res)) return { ok: true, method: 'prebuilt' };
    log('Houvast: geen kant-en-klare databasedriver gevonden; zelf bouwen (dit vraagt een C++-bouwomgeving) ...');
  }
  if (o.nodeGyp) {
    const res = o.spawn(
      o.nodePath,
      [o.nodeGyp, 'rebuild', '--release', `--target=${o.electronVersion}`, `--arch=${o.arch}`, '--dist-url=https://electronjs.org/headers', '--nodedir='],
      {
        cwd: o.srcDir,
        env: { ...env, npm_config_runtime: 'electron', npm_config_target: o.electronVersion, npm_config_disturl: 'https://electronjs.org/headers' },
      },
    );
    if (ok(res)) return { ok: true, method: 'source' };
  }
  return {
    ok: false,
    message: driverFailureMessage({
      electronVersion: o.electronVersion,
      platform: o.platform,
      arch: o.arch,
      prebuiltTried: Boolean(o.prebuildInstall),
      sourceTried: Boolean(o.nodeGyp),
    }),
  };
}
