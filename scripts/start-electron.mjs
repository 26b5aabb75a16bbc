#!/usr/bin/env node
// npm start: launch the desktop app.
// 1. Find the Electron binary (absent on CI and offline machines: then point to `npm run web`).
// 2. Get better-sqlite3-multiple-ciphers for Electron's ABI into .electron-native/ (once per Electron
//    version; never a postinstall step, because it needs the network): the driver's prebuilt binary first,
//    a source build (C++ toolchain) only as the fall-back (scripts/electron-driver.mjs).
// 3. electron-vite build, 4. run Electron on the repo.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { installElectronDriver } from './electron-driver.mjs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ELECTRON_PKG = path.join(REPO, 'node_modules/electron');
export const NATIVE_DIR = path.join(REPO, '.electron-native');
const NATIVE_FILE = path.join(NATIVE_DIR, 'better_sqlite3.node');
const NATIVE_STAMP = path.join(NATIVE_DIR, 'electron-version.txt');
const DRIVER_PKG = path.join(REPO, 'node_modules/better-sqlite3-multiple-ciphers');

/** Absolute path of the Electron executable, or null. Reads path.txt instead of require('electron'). */
export function findElectronBinary(env = process.env) {
  const pathTxt = path.join(ELECTRON_PKG, 'path.txt');
  const platformPath = existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, platformPath || defaultExecutableName());
    return existsSync(candidate) ? candidate : null;
  }
  if (!platformPath) return null;
  const candidate = path.join(ELECTRON_PKG, 'dist', platformPath);
  return existsSync(candidate) ? candidate : null;
}

function defaultExecutableName() {
  if (process.platform === 'win32') return 'electron.exe';
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

export function electronVersion() {
  return JSON.parse(readFileSync(path.join(ELECTRON_PKG, 'package.json'), 'utf8')).version;
}

function run(cmd, args, options = {}) {
  const res = spawnSync(cmd, args, { stdio: 'inherit', cwd: REPO, ...options });
  if (res.error) throw res.error;
  if (res.status !== 0) throw new Error(`${path.basename(cmd)} ${args.join(' ')} exited with ${res.status}`);
}

function findNodeGyp() {
  const candidates = [];
  try {
    candidates.push(path.join(path.dirname(require_resolve_npm()), 'node_modules/node-gyp/bin/node-gyp.js'));
  } catch {
    // fall through to the global npm location
  }
  const npmRoot = spawnSync('npm', ['root', '-g'], { encoding: 'utf8' }).stdout?.trim();
  if (npmRoot) candidates.push(path.join(npmRoot, 'npm/node_modules/node-gyp/bin/node-gyp.js'));
  return candidates.find((c) => existsSync(c)) ?? null;
}

function require_resolve_npm() {
  // npm sets npm_execpath when this runs as an npm script: .../npm/bin/npm-cli.js
  const execpath = process.env.npm_execpath;
  if (!execpath) throw new Error('not run by npm');
  return path.resolve(path.dirname(execpath));
}

/** prebuild-install's CLI: a dependency of the driver (hoisted, or nested under the driver). */
function findPrebuildInstall() {
  const candidates = [
    path.join(REPO, 'node_modules/prebuild-install/bin.js'),
    path.join(DRIVER_PKG, 'node_modules/prebuild-install/bin.js'),
  ];
  return candidates.find((c) => existsSync(c)) ?? null;
}

/** Thrown when neither the prebuilt binary nor a source build worked; its message says what to install. */
export class DriverInstallError extends Error {}

/**
 * Puts the driver for Electron's ABI into .electron-native/ unless already there for this version: the
 * prebuilt binary first, a source build only as the fall-back (scripts/electron-driver.mjs decides).
 */
export function ensureElectronNativeDriver() {
  const version = electronVersion();
  if (existsSync(NATIVE_FILE) && existsSync(NATIVE_STAMP) && readFileSync(NATIVE_STAMP, 'utf8').trim() === version) {
    return NATIVE_FILE;
  }
  const src = path.join(NATIVE_DIR, 'src');
  rmSync(src, { recursive: true, force: true });
  mkdirSync(NATIVE_DIR, { recursive: true });
  // A copy, so the Node build in node_modules (used by tests, the web shell and the CLI) stays intact.
  cpSync(DRIVER_PKG, src, { recursive: true, filter: (f) => !f.startsWith(path.join(DRIVER_PKG, 'build')) });
  const built = path.join(src, 'build/Release/better_sqlite3.node');
  const result = installElectronDriver({
    electronVersion: version,
    platform: process.platform,
    arch: process.arch,
    srcDir: src,
    prebuildInstall: findPrebuildInstall(),
    nodeGyp: findNodeGyp(),
    nodePath: process.execPath,
    env: process.env,
    spawn: (cmd, args, options) => spawnSync(cmd, args, { stdio: 'inherit', ...options }),
    built: () => existsSync(built),
    log: (line) => console.log(line),
  });
  if (!result.ok) {
    rmSync(src, { recursive: true, force: true });
    throw new DriverInstallError(result.message);
  }
  copyFileSync(built, NATIVE_FILE);
  writeFileSync(NATIVE_STAMP, `${version}\n`);
  rmSync(src, { recursive: true, force: true });
  return NATIVE_FILE;
}

export function buildApp() {
  run(process.execPath, [path.join(REPO, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
}

function main() {
  const binary = findElectronBinary();
  if (!binary) {
    console.error(
      [
        'Houvast: het Electron-programma is niet geïnstalleerd op deze machine (geen Electron-binary).',
        '  Start de app in de browser met:  npm run web',
        '  Of installeer Electron opnieuw met internettoegang:  npm install (zonder ELECTRON_SKIP_BINARY_DOWNLOAD).',
        '',
        'Houvast: the Electron binary is not installed on this machine.',
        '  Run the same app in a browser with:  npm run web',
        '  Or reinstall with network access:  npm install (without ELECTRON_SKIP_BINARY_DOWNLOAD).',
      ].join('\n'),
    );
    process.exit(1);
  }
  try {
    ensureElectronNativeDriver();
    buildApp();
  } catch (err) {
    if (err instanceof DriverInstallError) console.error(err.message);
    else console.error(`Houvast: bouwen mislukt / build failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  const child = spawnSync(binary, [REPO, ...process.argv.slice(2)], { stdio: 'inherit', cwd: REPO });
  process.exit(child.status ?? 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
