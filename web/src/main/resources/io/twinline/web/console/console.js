// Twinline web console: one page, no libraries. It draws the line from GET /api/line, follows
// the live stream (/api/stream, resumed after a reconnect from the last frame seen) and sends
// every action through the HTTP API, so every viewer sees it in the shared event log.
'use strict';

const SVG = 'http://www.w3.org/2000/svg';
const ROW_HEIGHT = 22;
const COLOURS = ['#1565c0', '#c62828', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f'];

const view = {
  line: null,
  signals: [],          // definitions by id
  byPath: new Map(),    // path -> id
  values: [],           // latest value by id
  changed: [],          // simulated time of the latest change by id
  forced: [],
  parts: {},
  faults: [],
  events: [],
  recipe: null,
  seq: 0,
  simTime: 0,
  state: '?',
  lag: 0,
  speed: 1,
  dirty: true,
  charted: [],
  filtered: [],
  filterText: '',
};

const $ = id => document.getElementById(id);

function say(text) {
  $('message').textContent = text;
}

async function api(method, path, body) {
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const text = await response.text();
  const json = text ? JSON.parse(text) : {};
  if (!response.ok) {
    say(method + ' ' + path + ': ' + (json.detail || response.status));
    throw new Error(json.detail || String(response.status));
  }
  say(json.message || '');
  return json;
}

function seconds(nanos) {
  return (nanos / 1e9).toFixed(3) + ' s';
}

function show(value) {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' && !Number.isInteger(value)) return value.toFixed(3);
  return String(value);
}

// --- the schematic ----------------------------------------------------------------------------

function el(name, attributes, parent) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
  if (parent) parent.appendChild(node);
  return node;
}

function text(parent, x, y, content) {
  const t = el('text', { x, y }, parent);
  t.textContent = content;
  return t;
}

const drawn = { belts: new Map(), partLayers: new Map(), lit: [] };

function signalOf(component, name) {
  const path = component.signals.find(p => p.endsWith('/' + name));
  return path === undefined ? undefined : view.byPath.get(path);
}

function drawLine() {
  const svg = $('schematic');
  svg.innerHTML = '';
  svg.setAttribute('width', view.line.width);
  svg.setAttribute('height', view.line.height);
  svg.setAttribute('viewBox', '0 0 ' + view.line.width + ' ' + view.line.height);
  const byName = new Map(view.line.components.map(c => [c.name, c]));
  for (const c of view.line.components) {
    const to = c.to && byName.get(c.to);
    if (to) {
      // in/out are where parts leave and enter, on turned belts too
      el('path', { class: 'flow', d: 'M' + c.out.x + ' ' + c.out.y
        + ' L' + to.in.x + ' ' + to.in.y }, svg);
    }
  }
  for (const c of view.line.components) {
    const g = el('g', { 'data-component': c.name, 'data-type': c.type }, svg);
    const title = el('title', {}, g);
    title.textContent = c.name + ' (' + c.type + ')' + (c.description ? ': ' + c.description : '');
    if (c.type === 'conveyor') drawConveyor(g, c);
    else if (c.conveyor) drawMounted(g, c);
    else if (c.type === 'source' || c.type === 'sink') drawEnd(g, c);
    else if (c.type === 'station' || c.type === 'buffer') drawStation(g, c);
    else drawPanel(g, c);
  }
}

/** The group a belt (or a device on it) is drawn in: turned along its heading if it has one. */
function turned(g, c) {
  if (!c.rotate) return g;
  return el('g', { transform: 'rotate(' + c.rotate.angle + ' ' + c.rotate.x + ' ' + c.rotate.y
    + ')' }, g);
}

function drawConveyor(g, c) {
  const inner = turned(g, c);
  const belt = el('rect', { class: 'belt', x: c.x, y: c.y, width: c.width, height: c.height,
    rx: 4 }, inner);
  // the name stays upright, above the belt as drawn
  text(g, c.bounds.x, c.bounds.y - 4, c.name);
  const layer = el('g', { class: 'parts' }, inner);
  drawn.belts.set(c.name, { belt, c, motor: signalOf(c, 'MotorOn'), speed: signalOf(c, 'Speed') });
  drawn.partLayers.set(c.name, layer);
}

function drawMounted(g, c) {
  const id = view.byPath.get(c.conveyor + '/' + c.name) ?? firstBoolean(c);
  const device = el('rect', { class: 'device', x: c.x, y: c.y, width: c.width,
    height: c.height, rx: 2 }, turned(g, c));
  text(g, c.bounds.x - 4, c.bounds.y + c.bounds.height + 10, c.name);
  if (id !== undefined) drawn.lit.push({ node: device, id, base: 'device' });
  for (const name of ['Raised', 'Diverted', 'Extended', 'Pushed']) {
    const s = signalOf(c, name);
    if (s !== undefined) drawn.lit.push({ node: device, id: s, base: 'device' });
  }
}

function firstBoolean(c) {
  return c.signals.map(p => view.byPath.get(p))
    .find(id => id !== undefined && view.signals[id].type === 'Boolean');
}

function drawEnd(g, c) {
  el('circle', { class: 'box', cx: c.x + 25, cy: c.y + 25, r: 18 }, g);
  text(g, c.x, c.y + 58, c.name);
}

function drawStation(g, c) {
  const box = el('rect', { class: 'box', x: c.x, y: c.y, width: c.width, height: c.height,
    rx: 4 }, g);
  text(g, c.x + 4, c.y + 14, c.name);
  const busy = signalOf(c, 'Busy');
  const fault = signalOf(c, 'Fault');
  if (busy !== undefined) drawn.lit.push({ node: box, id: busy, base: 'box', on: 'busy' });
  if (fault !== undefined) drawn.lit.push({ node: box, id: fault, base: 'box', on: 'fault' });
}

function drawPanel(g, c) {
  el('rect', { class: 'box', x: c.x, y: c.y, width: c.width, height: c.height, rx: 4 }, g);
  text(g, c.x + 4, c.y + 12, c.name);
  let y = c.y + 24;
  const level = signalOf(c, 'Level');
  if (c.type === 'tank' && level !== undefined) {
    el('rect', { class: 'box', x: c.x + c.width - 18, y: c.y + 6, width: 12, height: c.height - 12 }, g);
    const fill = el('rect', { class: 'level', x: c.x + c.width - 17, y: c.y + c.height - 7,
      width: 10, height: 0 }, g);
    drawn.lit.push({ node: fill, id: level, level: { top: c.y + 7, height: c.height - 14 } });
  }
  let x = c.x + 6;
  for (const path of c.signals) {
    const id = view.byPath.get(path);
    if (id === undefined) continue;
    const s = view.signals[id];
    const name = s.signal;
    if (s.type === 'Boolean') {
      const led = el('circle', { class: 'led ' + name, cx: x + 5, cy: y, r: 5 }, g);
      const label = el('title', {}, led);
      label.textContent = path;
      drawn.lit.push({ node: led, id, base: 'led ' + name });
      x += 14;
      if (x > c.x + c.width - 24) { x = c.x + 6; y += 14; }
    }
  }
  let ty = y + 14;
  for (const path of c.signals) {
    const id = view.byPath.get(path);
    if (id === undefined || view.signals[id].type === 'Boolean' || ty > c.y + c.height - 4) continue;
    const t = text(g, c.x + 4, ty, '');
    drawn.lit.push({ node: t, id, label: view.signals[id].signal + ' ' });
    ty += 11;
  }
  let ax = c.x;
  for (const action of c.actions.slice(0, 3)) {
    const b = el('g', { class: 'action', 'data-action': action }, g);
    el('rect', { x: ax, y: c.y + c.height + 2, width: 38, height: 14, rx: 3 }, b);
    text(b, ax + 3, c.y + c.height + 12, action.slice(0, 7));
    if (action === 'press' && c.actions.includes('release') && c.type === 'push-button') {
      // a momentary button is held while the mouse is down
      b.addEventListener('mousedown', () => operate(c.name, 'press'));
      b.addEventListener('mouseup', () => operate(c.name, 'release'));
    } else {
      b.addEventListener('click', () => operate(c.name, action));
    }
    ax += 40;
  }
}

function operate(device, action) {
  api('POST', '/api/operate', { device, action }).catch(() => {});
}

function renderSchematic() {
  for (const item of drawn.lit) {
    const value = view.values[item.id];
    if (item.level) {
      const s = view.signals[item.id];
      const min = s.min ?? 0;
      const max = s.max ?? 100;
      const f = Math.max(0, Math.min(1, (Number(value) - min) / (max - min)));
      item.node.setAttribute('y', item.level.top + item.level.height * (1 - f));
      item.node.setAttribute('height', item.level.height * f);
    } else if (item.label !== undefined) {
      item.node.textContent = item.label + show(value);
    } else if (item.on) {
      item.node.classList.toggle(item.on, value === true);
    } else {
      item.node.setAttribute('class', item.base + (value === true ? ' lit' : ''));
    }
  }
  const jammed = new Set(view.faults.filter(f => f.kind === 'jam').map(f => f.target));
  for (const [name, b] of drawn.belts) {
    const on = (b.motor !== undefined && view.values[b.motor] === true)
      || (b.speed !== undefined && Number(view.values[b.speed]) > 0);
    b.belt.setAttribute('class', 'belt' + (on ? ' on' : '') + (jammed.has(name) ? ' jammed' : ''));
    const layer = drawn.partLayers.get(name);
    const positions = view.parts[name] || [];
    while (layer.childNodes.length > positions.length) layer.removeChild(layer.lastChild);
    while (layer.childNodes.length < positions.length) {
      el('rect', { class: 'part', width: 10, height: b.c.height - 8, y: b.c.y + 4, rx: 2 }, layer);
    }
    positions.forEach((p, i) => {
      const x = b.c.x + b.c.width * Math.min(1, p / b.c.length) - 10;
      layer.childNodes[i].setAttribute('x', x.toFixed(1));
    });
  }
}

// --- the signal table (virtualised: only the rows in sight exist) -----------------------------

function applyFilter() {
  const words = view.filterText.toLowerCase().split(/\s+/).filter(w => w);
  view.filtered = [];
  for (const s of view.signals) {
    const hay = (s.path + ' ' + (s.tag || '') + ' ' + s.direction + ' ' + s.type).toLowerCase();
    if (words.every(w => hay.includes(w))) view.filtered.push(s.id);
  }
  $('count').textContent = view.filtered.length + ' of ' + view.signals.length;
  $('table-space').style.height = (view.filtered.length * ROW_HEIGHT) + 'px';
  rendered.clear();
  $('table').querySelectorAll('.row').forEach(r => r.remove());
  view.dirty = true;
}

const rendered = new Map(); // id -> row element

function makeRow(id) {
  const s = view.signals[id];
  const row = document.createElement('div');
  row.className = 'row';
  row.dataset.path = s.path;
  row.innerHTML = '<span class="path"></span><span></span><span></span><span></span>'
    + '<span class="value"></span><span class="time"></span><span class="act">'
    + '<input class="v" title="value"> <button class="set">Set</button>'
    + '<button class="force">Force</button><button class="release">Release</button>'
    + '<label><input type="checkbox" class="chart">chart</label></span>';
  const cells = row.children;
  cells[0].textContent = s.path;
  cells[0].title = s.description || '';
  cells[1].textContent = s.tag || '';
  cells[2].textContent = s.type + (s.unit ? ' ' + s.unit : '');
  cells[3].textContent = s.direction === 'input' ? 'in' : 'out';
  const input = row.querySelector('input.v');
  const value = () => {
    const t = input.value.trim();
    if (s.type === 'Boolean') return t === 'true' || t === '1';
    if (s.type === 'String') return t;
    return Number(t);
  };
  row.querySelector('.set').disabled = !s.writable;
  row.querySelector('.set').addEventListener('click', () =>
    api('PUT', '/api/signals/' + s.path, { value: value() }).catch(() => {}));
  row.querySelector('.force').addEventListener('click', () =>
    api('PUT', '/api/signals/' + s.path, { value: value(), force: true }).catch(() => {}));
  row.querySelector('.release').addEventListener('click', () =>
    api('DELETE', '/api/signals/' + s.path + '/force').catch(() => {}));
  const chart = row.querySelector('.chart');
  chart.checked = view.charted.includes(s.path);
  chart.addEventListener('change', () => {
    view.charted = chart.checked ? [...view.charted, s.path].slice(-6)
      : view.charted.filter(p => p !== s.path);
    drawTrends();
  });
  return row;
}

function renderTable() {
  const box = $('table');
  const first = Math.floor(box.scrollTop / ROW_HEIGHT);
  const count = Math.ceil(box.clientHeight / ROW_HEIGHT) + 2;
  const wanted = new Set(view.filtered.slice(first, first + count));
  for (const [id, row] of rendered) {
    if (!wanted.has(id)) { row.remove(); rendered.delete(id); }
  }
  view.filtered.slice(first, first + count).forEach((id, k) => {
    let row = rendered.get(id);
    if (!row) { row = makeRow(id); rendered.set(id, row); box.appendChild(row); }
    row.style.top = ((first + k) * ROW_HEIGHT) + 'px';
    row.children[4].textContent = show(view.values[id]);
    row.children[5].textContent = view.changed[id] === undefined ? '' : seconds(view.changed[id]);
    row.classList.toggle('forced', view.forced[id] === true);
  });
}

// --- faults, events, header ------------------------------------------------------------------

function renderFaults() {
  const list = $('faults');
  list.innerHTML = '';
  for (const f of view.faults) {
    const li = document.createElement('li');
    li.dataset.id = f.id;
    li.textContent = f.id + ': ' + f.description + ' since ' + seconds(f.since) + ' ';
    const clear = document.createElement('button');
    clear.textContent = 'Clear';
    clear.addEventListener('click', () => api('DELETE', '/api/faults/' + encodeURIComponent(f.id))
      .catch(() => {}));
    li.appendChild(clear);
    list.appendChild(li);
  }
}

function renderEvents() {
  const list = $('events');
  list.innerHTML = '';
  for (const e of view.events.slice(-100).reverse()) {
    const li = document.createElement('li');
    li.dataset.kind = e.kind;
    li.innerHTML = '<span class="kind"></span> <span class="text"></span> <span class="by"></span>';
    li.children[0].textContent = e.kind;
    li.children[1].textContent = seconds(e.simTime) + ' ' + e.text;
    li.children[2].textContent = '(' + e.by + ')';
    list.appendChild(li);
  }
}

function renderHeader() {
  $('simtime').textContent = seconds(view.simTime);
  $('wall').textContent = new Date().toLocaleTimeString();
  $('lag').textContent = (view.lag / 1e6).toFixed(1) + ' ms';
  $('state').textContent = view.state;
  $('state').className = 'badge ' + view.state;
}

let faultsDirty = true;
let eventsDirty = true;

function render() {
  if (view.line && view.dirty) {
    view.dirty = false;
    renderHeader();
    renderSchematic();
    renderTable();
    if (faultsDirty) { renderFaults(); faultsDirty = false; }
    if (eventsDirty) { renderEvents(); eventsDirty = false; }
  }
  requestAnimationFrame(render);
}

// --- the stream --------------------------------------------------------------------------------

function take(message) {
  const list = message.type === 'state' ? message.values : message.changes;
  for (const [id, value, time, , forced] of list) {
    view.values[id] = value;
    view.changed[id] = time;
    view.forced[id] = forced;
  }
  if (message.type === 'state') {
    view.events = message.events;
    eventsDirty = true;
  } else if (message.events) {
    view.events.push(...message.events);
    if (view.events.length > 1000) view.events.splice(0, view.events.length - 1000);
    eventsDirty = true;
  }
  if (message.parts) view.parts = message.parts;
  if (message.faults) { view.faults = message.faults; faultsDirty = true; }
  if ('recipe' in message) view.recipe = message.recipe;
  view.seq = message.seq;
  view.simTime = message.simTime;
  view.state = message.state;
  view.lag = message.lag;
  view.speed = message.speed;
  view.dirty = true;
}

let retry = 500;

function connect() {
  const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
  const socket = new WebSocket(scheme + location.host + '/api/stream?since=' + view.seq);
  socket.onopen = () => {
    retry = 500;
    $('connection').textContent = 'live';
    $('connection').className = 'badge live';
  };
  socket.onmessage = event => take(JSON.parse(event.data));
  socket.onclose = () => {
    $('connection').textContent = 'reconnecting';
    $('connection').className = 'badge offline';
    setTimeout(connect, retry);
    retry = Math.min(retry * 2, 5000);
  };
}

// --- trends ------------------------------------------------------------------------------------

async function drawTrends() {
  const canvas = $('trend');
  const g = canvas.getContext('2d');
  canvas.width = canvas.clientWidth || 900;
  g.clearRect(0, 0, canvas.width, canvas.height);
  $('legend').innerHTML = '';
  if (view.charted.length === 0) return;
  const query = view.charted.map(p => 'signal=' + encodeURIComponent(p)).join('&');
  let data;
  try {
    const response = await fetch('/api/trends?window=120&points=' + canvas.width + '&' + query);
    if (!response.ok) return;
    data = await response.json();
  } catch (e) {
    return;
  }
  const from = data.from;
  const span = Math.max(1, data.to - data.from);
  Object.entries(data.series).forEach(([path, points], k) => {
    if (points.length === 0) return;
    let min = Math.min(...points.map(p => p[1]));
    let max = Math.max(...points.map(p => p[1]));
    if (max === min) { max += 1; min -= 1; }
    g.strokeStyle = COLOURS[k % COLOURS.length];
    g.beginPath();
    points.forEach(([t, v], i) => {
      const x = (t - from) / span * canvas.width;
      const y = canvas.height - 10 - (v - min) / (max - min) * (canvas.height - 20);
      if (i === 0) g.moveTo(x, y); else g.lineTo(x, y);
    });
    const last = points[points.length - 1];
    g.lineTo(canvas.width, canvas.height - 10 - (last[1] - min) / (max - min) * (canvas.height - 20));
    g.stroke();
    const label = document.createElement('span');
    label.style.color = COLOURS[k % COLOURS.length];
    label.textContent = path + ' ' + min.toFixed(2) + '..' + max.toFixed(2);
    $('legend').appendChild(label);
  });
}

// --- start -------------------------------------------------------------------------------------

function wireControls() {
  $('pause').addEventListener('click', () => api('POST', '/api/sim/pause').catch(() => {}));
  $('resume').addEventListener('click', () => api('POST', '/api/sim/resume').catch(() => {}));
  $('reset').addEventListener('click', () => api('POST', '/api/sim/reset').catch(() => {}));
  $('step').addEventListener('click', () => api('POST', '/api/sim/step',
    { milliseconds: Number($('stepms').value) }).catch(() => {}));
  $('setspeed').addEventListener('click', () => api('PUT', '/api/sim/speed',
    { factor: Number($('speed').value) }).catch(() => {}));
  $('loadrecipe').addEventListener('click', () => {
    const name = $('recipe').value;
    if (name) api('POST', '/api/recipes/' + encodeURIComponent(name) + '/load').catch(() => {});
  });
  $('filter').addEventListener('input', () => { view.filterText = $('filter').value; applyFilter(); });
  $('table').addEventListener('scroll', () => { view.dirty = true; });
  $('faulttarget').addEventListener('change', fillKinds);
  $('faultform').addEventListener('submit', event => {
    event.preventDefault();
    const parameters = {};
    for (const pair of $('faultparams').value.split(';')) {
      const at = pair.indexOf(':');
      if (at > 0) parameters[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
    }
    api('POST', '/api/faults', { target: $('faulttarget').value, kind: $('faultkind').value,
      parameters }).catch(() => {});
  });
}

const SIGNAL_FAULTS = ['stuck-at', 'inverted', 'drop-out', 'delay', 'noise', 'open-wire'];

function fillKinds() {
  const target = $('faulttarget').value;
  const component = view.line.components.find(c => c.name === target);
  const kinds = component ? component.faults : SIGNAL_FAULTS;
  $('faultkind').innerHTML = '';
  for (const kind of kinds) $('faultkind').add(new Option(kind, kind));
}

async function start() {
  wireControls();
  const line = await api('GET', '/api/line');
  view.line = line;
  view.signals = line.signals;
  line.signals.forEach(s => view.byPath.set(s.path, s.id));
  document.title = line.name + ' - Twinline';
  $('line').textContent = line.name;
  for (const name of line.recipes) $('recipe').add(new Option(name, name));
  for (const c of line.components.filter(c => c.faults.length > 0)) {
    $('faulttarget').add(new Option(c.name, c.name));
  }
  for (const s of line.signals.slice(0, 2000)) $('faulttarget').add(new Option(s.path, s.path));
  fillKinds();
  drawLine();
  applyFilter();
  connect();
  requestAnimationFrame(render);
  setInterval(() => { if (view.charted.length) drawTrends(); }, 1000);
  setInterval(() => { $('wall').textContent = new Date().toLocaleTimeString(); }, 1000);
}

start();
