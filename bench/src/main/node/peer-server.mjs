// The node-opcua peer of the network benchmarks: a plant of counters behind a node-opcua server,
// started by io.twinline.bench.NodeOpcUaPeer and measured with the same client as Twinline.
//
//   node peer-server.mjs <port> <variables> <changingFraction> <periodMs>
//
// Listens on opc.tcp://127.0.0.1:<port>/peer (security None, anonymous). Namespace "urn:peer",
// under Objects/Peer:
//   V0..V(n-1)  Int32, read-only, ns=<idx>;s=V<i>. Every <periodMs> ms the first
//               round(n * changingFraction) of them count up by one, so a client can tell a lost
//               change from a late one.
//   Actuator    Boolean, writable. Each write bumps Sensor at once (in the same event-loop
//               turn as the write), like a PLC output answered by its input.
//   Sensor      Int32, read-only.
// Prints exactly one line to stdout, "READY <port>", once it listens; everything else goes to
// stderr, including one statistics line every 10 s. SIGTERM or SIGINT shuts it down.

import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { format } from "node:util";

// node-opcua logs with console.log, some of it while its modules load, so stdout is claimed
// before they are imported: the parent reads stdout for the READY line only.
const toStderr = (...args) => process.stderr.write(format(...args) + "\n");
console.log = toStderr;
console.info = toStderr;
console.debug = toStderr;

const { OPCUAServer, MonitoredItem, Subscription } = await import("node-opcua-server");
const { OPCUACertificateManager } = await import("node-opcua-certificate-manager");
const { MessageSecurityMode, SecurityPolicy } = await import("node-opcua-secure-channel");
const { DataType, Variant } = await import("node-opcua-variant");

const NAMESPACE_URI = "urn:peer";
const INT32 = DataType.Int32;
const STATS_PERIOD_MS = 10_000;

function usage(problem) {
  process.stderr.write(`${problem}\n`
      + "usage: node peer-server.mjs <port> <variables> <changingFraction> <periodMs>\n");
  process.exit(2);
}

function parseArguments(argv) {
  if (argv.length !== 4) {
    usage(`expected 4 arguments, got ${argv.length}`);
  }
  const [port, variables, fraction, periodMs] = argv.map(Number);
  if (!Number.isInteger(port) || port < 1 || port > 65535) usage(`bad port: ${argv[0]}`);
  if (!Number.isInteger(variables) || variables < 0) usage(`bad variable count: ${argv[1]}`);
  if (!(fraction >= 0 && fraction <= 1)) usage(`changingFraction must be 0..1: ${argv[2]}`);
  if (!Number.isInteger(periodMs) || periodMs < 1) usage(`bad periodMs: ${argv[3]}`);
  return { port, variables, changing: Math.round(variables * fraction), periodMs };
}

const config = parseArguments(process.argv.slice(2));
const startedAt = performance.now();

// node-opcua's floors are 50 ms for sampling and publishing and 1000 notifications per Publish;
// Twinline grants 1 ms and Milo 65535 notifications. Lowered so both servers are asked the same
// thing and grant the same thing: a 10 ms I/O cycle must not be revised to 50 ms here.
MonitoredItem.minimumSamplingInterval = 1;
Subscription.minimumPublishingInterval = 1;
Subscription.maxNotificationPerPublishHighLimit = 65535;

// A PKI folder of its own, reused across runs (the certificate is made once), instead of the
// user's ~/.config/node-opcua-default. Security None needs the certificate only to start.
const pki = path.join(os.tmpdir(), "twinline-node-opcua-peer");
const certificateManager = (name) => new OPCUACertificateManager({
  name,
  rootFolder: path.join(pki, name),
  automaticallyAcceptUnknownCertificate: true,
});

const server = new OPCUAServer({
  host: "127.0.0.1",
  hostname: "127.0.0.1", // endpoint URLs name the address the client used, not this host's name
  port: config.port,
  resourcePath: "/peer",
  securityModes: [MessageSecurityMode.None],
  securityPolicies: [SecurityPolicy.None],
  allowAnonymous: true,
  isAuditing: false,
  serverCertificateManager: certificateManager("PKI"),
  userCertificateManager: certificateManager("UserPKI"),
  maxConnectionsPerEndpoint: 100,
  // The same limits as Twinline's defaults (ServerOptions.Limits) and Milo's per-call defaults.
  serverCapabilities: {
    maxSessions: 100,
    maxSubscriptions: 5000,
    maxSubscriptionsPerSession: 50,
    maxMonitoredItems: 1_000_000,
    maxMonitoredItemsPerSubscription: 250_000,
    operationLimits: {
      maxNodesPerRead: 10_000,
      maxNodesPerWrite: 10_000,
      maxMonitoredItemsPerCall: 10_000,
      maxNodesPerBrowse: 10_000,
      maxNodesPerRegisterNodes: 10_000,
      maxNodesPerTranslateBrowsePathsToNodeIds: 10_000,
      maxNodesPerMethodCall: 1_000,
    },
  },
  buildInfo: { productName: "Twinline benchmark peer (node-opcua)" },
});

await server.initialize();
const initializedAt = performance.now();

const addressSpace = server.engine.addressSpace;
// Frugal: no JavaScript property per child on its parent. Installing them walks all of the
// parent's children on every add, which makes 100,000 variables under one object quadratic
// (10,000 took 40 s); nothing here uses them.
addressSpace.isFrugal = true;
const namespace = addressSpace.registerNamespace(NAMESPACE_URI);
const peer = namespace.addObject({
  organizedBy: addressSpace.rootFolder.objects,
  browseName: "Peer",
  nodeId: "s=Peer",
});

function addVariable(name, dataType, value, writable) {
  const access = writable ? "CurrentRead | CurrentWrite" : "CurrentRead";
  return namespace.addVariable({
    componentOf: peer,
    browseName: name,
    nodeId: `s=${name}`,
    dataType,
    accessLevel: access,
    userAccessLevel: access,
    // 0: exception-based, a client asking for sampling interval 0 hears every change
    minimumSamplingInterval: 0,
    value: new Variant({ dataType, value }),
  });
}

const counters = new Int32Array(config.changing);
const changingVariables = [];
for (let i = 0; i < config.variables; i++) {
  const variable = addVariable(`V${i}`, DataType.Int32, 0, false);
  if (i < config.changing) {
    changingVariables.push(variable);
  }
}

const actuator = addVariable("Actuator", DataType.Boolean, false, true);
const sensor = addVariable("Sensor", DataType.Int32, 0, false);
let sensorCount = 0;
// A client write stamps a new source timestamp, so value_changed fires on every write, even
// true after true: every write is answered, as Twinline's and the bare Milo peer's are.
actuator.on("value_changed", () => {
  sensorCount = (sensorCount + 1) | 0;
  sensor.setValueFromSource(new Variant({ dataType: DataType.Int32, value: sensorCount }));
});
addressSpace.isFrugal = false;
const builtAt = performance.now();

// The change timer. Each tick changes every changing variable once and is scheduled from the
// previous tick's due time, so the period does not drift. A tick that falls behind is not made up
// with a burst: a slow peer shows up as fewer ticks per second (reported on stderr), never as a
// skipped counter value. A tick runs in slices of at most SLICE_MS with I/O let in between:
// 10,000 changes take node-opcua 50-150 ms here, and held in one piece they starved the sockets
// until clients timed out and reconnected.
const SLICE_MS = 5;
const CHECK_EVERY = 256; // changes between two looks at the clock
let timer = null;
let slice = null;
let dueAt = 0;
let tickStartedAt = 0;
let tickTimestamp = null;
let nextIndex = 0;
const stats = { ticks: 0, busyMs: 0, tickMs: 0, maxTickMs: 0, since: 0 };

function startTick() {
  tickStartedAt = performance.now();
  // One source timestamp per tick, as a PLC stamps one I/O cycle; it also spares node-opcua
  // reading the clock once per variable.
  tickTimestamp = new Date();
  nextIndex = 0;
  changeSlice();
}

function changeSlice() {
  const started = performance.now();
  const deadline = started + SLICE_MS;
  let i = nextIndex;
  while (i < counters.length) {
    const end = Math.min(counters.length, i + CHECK_EVERY);
    for (; i < end; i++) {
      counters[i] += 1;
      changingVariables[i].setValueFromSource(
          new Variant({ dataType: INT32, value: counters[i] }), undefined, tickTimestamp);
    }
    if (performance.now() >= deadline) {
      break;
    }
  }
  nextIndex = i;
  const now = performance.now();
  stats.busyMs += now - started;
  if (i < counters.length) {
    slice = setImmediate(changeSlice);
    return;
  }
  slice = null;
  const tickMs = now - tickStartedAt;
  stats.ticks += 1;
  stats.tickMs += tickMs;
  stats.maxTickMs = Math.max(stats.maxTickMs, tickMs);
  dueAt += config.periodMs;
  if (dueAt < now) {
    dueAt = now;
  }
  timer = setTimeout(startTick, dueAt - now);
}

function reportStats() {
  const now = performance.now();
  const seconds = (now - stats.since) / 1000;
  const ticksPerSecond = stats.ticks / seconds;
  process.stderr.write(format(
      "stats: %s changes/s, %s ticks/s (wanted %s), tick mean %s ms max %s ms, "
          + "changing busy %s%% of the time\n",
      Math.round(ticksPerSecond * counters.length), ticksPerSecond.toFixed(1),
      (1000 / config.periodMs).toFixed(1),
      stats.ticks ? (stats.tickMs / stats.ticks).toFixed(2) : "-", stats.maxTickMs.toFixed(2),
      (100 * stats.busyMs / (now - stats.since)).toFixed(0)));
  Object.assign(stats, { ticks: 0, busyMs: 0, tickMs: 0, maxTickMs: 0, since: now });
}

await server.start();
const listeningAt = performance.now();

let statsTimer = null;
if (counters.length > 0) {
  dueAt = performance.now() + config.periodMs;
  stats.since = performance.now();
  timer = setTimeout(startTick, config.periodMs);
  statsTimer = setInterval(reportStats, STATS_PERIOD_MS);
}

process.stderr.write(format(
    "node-opcua peer: %d variables (%d changing every %d ms), namespace %s index %d; "
        + "initialize %d ms, address space %d ms, listening after %d ms\n",
    config.variables, config.changing, config.periodMs, NAMESPACE_URI, namespace.index,
    Math.round(initializedAt - startedAt), Math.round(builtAt - initializedAt),
    Math.round(listeningAt - startedAt)));
process.stdout.write(`READY ${config.port}\n`);

let stopping = false;
async function stop(signal) {
  if (stopping) {
    return;
  }
  stopping = true;
  clearTimeout(timer);
  clearImmediate(slice);
  clearInterval(statsTimer);
  process.stderr.write(`${signal}: shutting down\n`);
  // The parent kills forcibly after 5 s; leave before that even if a session hangs.
  setTimeout(() => process.exit(1), 4000).unref();
  await server.shutdown(0);
  process.exit(0);
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
