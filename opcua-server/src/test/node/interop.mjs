// A second OPC UA stack against Twinline: node-opcua connects as a PLC or SCADA client would,
// and prints what it saw as one JSON object. OpcUaInteropTest starts it and checks the result.
//
// usage: node interop.mjs <endpointUrl> <mode> <pkiFolder>
//   mode None or SignAndEncrypt: run the checks below and print RESULT {...}
//   mode hold: connect, subscribe, print READY and wait to be killed (a PLC losing power)
//   mode connect: connect to the URL as given (the bare one, as PLCs are configured), report
//     the first secure channel's ids, read SimSeconds; then FindServers and open a session at
//     the discovery URL it returned, as open62541 1.3 does; print RESULT {...}
import {
  OPCUAClient,
  MessageSecurityMode,
  SecurityPolicy,
  AttributeIds,
  DataType,
  TimestampsToReturn,
  ClientMonitoredItem,
  ClientSubscription,
} from "node-opcua-client";
import { OPCUACertificateManager } from "node-opcua-certificate-manager";

const [endpointUrl, security, pkiFolder] = process.argv.slice(2);
const NS = "urn:twinline";
const result = { steps: [] };
const step = (name, value) => result.steps.push({ name, ...value });

async function readSimSeconds(session) {
  const ns = (await session.readNamespaceArray()).indexOf(NS);
  const value = await session.read({ nodeId: `ns=${ns};s=Simulation/SimSeconds`,
    attributeId: AttributeIds.Value });
  return { namespace: ns, status: value.statusCode.name, value: value.value.value };
}

async function connect() {
  const client = OPCUAClient.create({
    applicationName: "TwinlineInteropNode",
    applicationUri: "urn:twinline:interop:node-opcua",
    endpointMustExist: false,
    connectionStrategy: { maxRetry: 1, initialDelay: 100, maxDelay: 200 },
  });
  await client.connect(endpointUrl);
  const channel = client._secureChannel;
  step("firstChannel", { endpointUrl: channel.endpointUrl, channelId: channel.channelId,
    tokenId: channel.activeSecurityToken.tokenId });
  const session = await client.createSession();
  step("bareRead", await readSimSeconds(session));
  const servers = await client.findServers();
  const discoveryUrls = servers.flatMap((s) => s.discoveryUrls || []);
  step("findServers", { discoveryUrls });
  await session.close();
  await client.disconnect();

  const atDiscoveryUrl = OPCUAClient.create({
    applicationName: "TwinlineInteropNode",
    applicationUri: "urn:twinline:interop:node-opcua",
    endpointMustExist: false,
    connectionStrategy: { maxRetry: 1, initialDelay: 100, maxDelay: 200 },
  });
  await atDiscoveryUrl.connect(discoveryUrls[0]);
  const second = await atDiscoveryUrl.createSession();
  step("discoverySession", { url: discoveryUrls[0], ...(await readSimSeconds(second)) });
  await second.close();
  await atDiscoveryUrl.disconnect();
}

async function main() {
  if (security === "connect") {
    return connect();
  }
  const certificateManager = new OPCUACertificateManager({
    rootFolder: pkiFolder,
    automaticallyAcceptUnknownCertificate: true,
  });
  const secure = security === "SignAndEncrypt";
  const hold = security === "hold";
  const client = OPCUAClient.create({
    applicationName: "TwinlineInteropNode",
    applicationUri: "urn:twinline:interop:node-opcua",
    clientCertificateManager: certificateManager,
    securityMode: secure ? MessageSecurityMode.SignAndEncrypt : MessageSecurityMode.None,
    securityPolicy: secure ? SecurityPolicy.Basic256Sha256 : SecurityPolicy.None,
    endpointMustExist: false,
    connectionStrategy: { maxRetry: 1, initialDelay: 100, maxDelay: 200 },
    requestedSessionTimeout: hold ? 2000 : 60000,
  });
  await client.connect(endpointUrl);
  const session = await client.createSession();
  const ns = (await session.readNamespaceArray()).indexOf(NS);
  step("namespace", { index: ns });
  const id = (path) => `ns=${ns};s=${path}`;

  const twinline = await session.browse(`ns=${ns};s=Twinline`);
  step("browse", { names: twinline.references.map((r) => r.browseName.name) });

  const dataType = await session.read({ nodeId: id("DemoConveyor/Infeed/MotorOn"),
    attributeId: AttributeIds.DataType });
  step("dataType", { value: dataType.value.value.toString() });

  const seen = [];
  const subscription = ClientSubscription.create(session, {
    requestedPublishingInterval: 10, requestedMaxKeepAliveCount: 100,
    requestedLifetimeCount: 1000, publishingEnabled: true,
  });
  const item = ClientMonitoredItem.create(subscription,
    { nodeId: id("DemoConveyor/Infeed/PartAtEnd"), attributeId: AttributeIds.Value },
    { samplingInterval: 10, queueSize: 100, discardOldest: false },
    TimestampsToReturn.Both);
  item.on("changed", (v) => seen.push({ value: v.value.value,
    source: v.sourceTimestamp ? v.sourceTimestamp.toISOString() : null }));
  await new Promise((resolve) => item.once("changed", resolve));
  if (hold) {
    process.stdout.write("READY\n");
    await new Promise(() => {});
  }

  const write = async (path, dataType, value) =>
    (await session.write({ nodeId: id(path), attributeId: AttributeIds.Value,
      value: { value: { dataType, value } } })).name;
  step("writeInput", { status: await write("DemoConveyor/Infeed/PartAtEnd", DataType.Boolean, true) });
  step("writeWrongType", { status: await write("DemoConveyor/Infeed/MotorOn", DataType.String, "on") });
  step("writeMotorOn", { status: await write("DemoConveyor/Infeed/MotorOn", DataType.Boolean, true) });

  const deadline = Date.now() + 30000;
  while (!seen.some((s) => s.value === true) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
  }
  step("partAtEnd", { changes: seen });

  const pause = await session.call({ objectId: id("Simulation"), methodId: id("Simulation/Pause"),
    inputArguments: [] });
  step("pause", { status: pause.statusCode.name });
  const state = await session.read({ nodeId: id("Simulation/State"), attributeId: AttributeIds.Value });
  step("state", { value: state.value.value });
  const stepped = await session.call({ objectId: id("Simulation"), methodId: id("Simulation/Step"),
    inputArguments: [{ dataType: DataType.Double, value: 1500 }] });
  step("step", { status: stepped.statusCode.name,
    output: stepped.outputArguments.map((a) => a.value) });

  await subscription.terminate();
  await session.close();
  await client.disconnect();
}

main()
  .then(() => { result.ok = true; })
  .catch((e) => { result.ok = false; result.error = String(e && e.stack || e); })
  .finally(() => {
    process.stdout.write("RESULT " + JSON.stringify(result) + "\n", () => process.exit(0));
  });
