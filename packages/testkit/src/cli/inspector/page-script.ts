/**
 * The inspector page's script (plain ES2020, no dependencies). Every value
 * from a delivery goes into the page as text (`textContent`), never as HTML.
 */
export const PAGE_SCRIPT = String.raw`
"use strict";
var entries = new Map();
var session = null;
var selected = null;
var tbody = document.getElementById("rows");
var main = document.querySelector("main");
var detail = document.getElementById("detail");
var connection = document.getElementById("connection");
var announcer = document.getElementById("announcer");
var emptyNote = document.getElementById("empty");
var count = document.getElementById("count");

function el(tag, props) {
  var node = document.createElement(tag);
  if (props) for (var key in props) {
    if (key === "text") node.textContent = props[key];
    else if (key === "className") node.className = props[key];
    else node.setAttribute(key, props[key]);
  }
  for (var i = 2; i < arguments.length; i++) {
    var child = arguments[i];
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}
function tone(status) { return status >= 200 && status < 300 ? "ok" : status >= 500 ? "warn" : "bad"; }
function statusText(entry) { return entry.status + (entry.error ? " " + entry.error : entry.status < 300 ? " OK" : ""); }
function authText(entry) {
  if (entry.authentication === "passed") return "✓ authentic";
  if (entry.authentication === "failed") return "✗ not authentic";
  return entry.authentication;
}
function authTone(entry) { return entry.authentication === "passed" ? "ok" : entry.authentication === "failed" ? "bad" : "warn"; }
function issuesOf(entry) {
  var list = [];
  entry.errors.forEach(function (e) { (e.issues || []).forEach(function (i) { list.push(i); }); });
  return list;
}
function pathText(path) { return path && path.length ? path.join(".") : "(root)"; }
function unifiedText(entry) { return entry.unified.map(function (u) { return u.kind; }).join(", "); }
function eventText(entry) {
  return entry.events.map(function (e) { return e.name + (e.known ? "" : " (unknown)"); }).join(", ");
}
function timeText(iso) { return iso.slice(11, 19); }

function row(entry) {
  var issues = issuesOf(entry);
  var link = el("a", { href: "#delivery-" + entry.id, className: "mono" }, entry.method + " " + entry.path);
  var tr = el("tr", { id: "row-" + entry.id, "data-id": String(entry.id), "data-status": String(entry.status) },
    el("td", { className: "mono" }, el("time", { datetime: entry.time }, timeText(entry.time))),
    el("td", null, link),
    el("td", null, el("span", { className: "badge " + tone(entry.status) }, statusText(entry))),
    el("td", { className: "mono" }, eventText(entry) || el("span", { className: "muted" }, "—")),
    el("td", { className: "mono" }, unifiedText(entry) || el("span", { className: "muted" }, "—")),
    el("td", null, el("span", { className: "badge " + authTone(entry) }, authText(entry))),
    el("td", null, issues.length
      ? el("ul", { className: "issues" }, ...issues.slice(0, 3).map(function (i) {
          return el("li", null, el("code", null, pathText(i.path)), ": " + i.message);
        }), issues.length > 3 ? el("li", { className: "muted" }, "+" + (issues.length - 3) + " more") : null)
      : el("span", { className: "muted" }, "—")));
  return tr;
}

function add(entry) {
  if (entries.has(entry.id)) return;
  entries.set(entry.id, entry);
  var tr = row(entry);
  tr.classList.add("fresh");
  tbody.prepend(tr);
  emptyNote.hidden = true;
  count.textContent = "(" + entries.size + ")";
  announcer.textContent = "Delivery " + entry.id + ": " + entry.method + " " + entry.path + ", " + statusText(entry);
  if (selected === entry.id || location.hash === "#delivery-" + entry.id) show(entry.id, false);
}

function section(title) {
  var children = Array.prototype.slice.call(arguments, 1);
  return el("section", { "aria-label": title }, el("h3", null, title), ...children);
}
function pre(text, label) { return el("pre", { tabindex: "0", "aria-label": label }, text); }

function headersTable(headers) {
  var names = Object.keys(headers).sort();
  if (!names.length) return el("p", { className: "muted" }, "No headers recorded.");
  return el("table", { className: "headers" },
    el("thead", null, el("tr", null, el("th", { scope: "col" }, "Name"), el("th", { scope: "col" }, "Value"))),
    el("tbody", null, ...names.map(function (name) {
      var value = headers[name];
      var cell = value.indexOf("[masked]") >= 0 ? el("span", { className: "masked", title: "a credential, masked" }, value) : value;
      return el("tr", null, el("td", { className: "mono" }, name), el("td", { className: "mono" }, cell));
    })));
}

function copyButton(text, target) {
  var button = el("button", { type: "button" }, "Copy");
  var status = el("span", { className: "muted", role: "status" });
  button.addEventListener("click", function () {
    var done = function () { status.textContent = "Copied."; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { selectText(target); status.textContent = "Selected: press Ctrl+C to copy."; });
    } else {
      selectText(target);
      status.textContent = document.execCommand && document.execCommand("copy") ? "Copied." : "Selected: press Ctrl+C to copy.";
    }
  });
  return el("div", { className: "toolbar" }, button, status);
}
function selectText(node) {
  var range = document.createRange();
  range.selectNodeContents(node);
  var sel = window.getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
}

function show(id, focus) {
  var entry = entries.get(id);
  if (!entry) return;
  selected = id;
  tbody.querySelectorAll("tr[aria-current]").forEach(function (tr) { tr.removeAttribute("aria-current"); });
  var current = document.getElementById("row-" + id);
  if (current) current.setAttribute("aria-current", "true");
  var issues = issuesOf(entry);
  var heading = el("h2", { id: "detail-title", tabindex: "-1" }, "Delivery " + entry.id + ": " + entry.method + " " + entry.path);
  var summary = el("dl", null,
    el("dt", null, "Received"), el("dd", null, el("time", { datetime: entry.time }, entry.time), entry.ip ? " from " + entry.ip : ""),
    el("dt", null, "Status"), el("dd", null, el("span", { className: "badge " + tone(entry.status) }, statusText(entry))),
    el("dt", null, "Authenticity"), el("dd", null, el("span", { className: "badge " + authTone(entry) }, authText(entry)),
      entry.checks.length ? " (" + entry.checks.join(", ") + ")" : ""),
    el("dt", null, "Native event"), el("dd", { className: "mono" }, eventText(entry) || "—"),
    el("dt", null, "Unified"), el("dd", { className: "mono" }, unifiedText(entry) || "—"));
  var problems = entry.errors.map(function (e) {
    return el("li", null, el("strong", null, e.code), " (" + (e.level === "warning" ? "warning" : e.status) + "): " + e.message,
      e.issues && e.issues.length ? el("ul", { className: "issues" }, ...e.issues.map(function (i) {
        return el("li", null, el("code", null, pathText(i.path)), ": " + i.message);
      })) : null);
  });
  var bodyNote = entry.body.kind === "none" ? "Not read: the answer came before the body."
    : entry.body.bytes + " bytes" + (entry.body.kind === "json" ? ", JSON (pretty-printed)" : entry.body.kind === "binary" ? ", not UTF-8 (shown as base64)" : ", not JSON (as received)")
      + (entry.body.truncated ? "; only the first 256 KiB shown" : "");
  var typed = entry.events.map(function (e) {
    return { name: e.name, known: e.known, deliveryId: e.deliveryId, index: e.index, payload: e.payload };
  });
  var children = [heading, summary];
  if (problems.length) children.push(section(issues.length ? "Validation issues" : "Errors and warnings", el("ul", { className: "issues" }, ...problems)));
  children.push(section("Headers", headersTable(entry.headers)));
  children.push(section("Body", el("p", { className: "muted" }, bodyNote), entry.body.kind === "none" ? null : pre(entry.body.text, "Raw body")));
  children.push(section("Typed event", typed.length ? pre(JSON.stringify(typed, null, 2), "Typed event JSON") : el("p", { className: "muted" }, "No event reached the handlers.")));
  if (entry.unified.length) children.push(section("Unified events", pre(JSON.stringify(entry.unified, null, 2), "Unified events JSON")));
  if (entry.curl) {
    var curl = pre(entry.curl, "curl command");
    children.push(section("Copy as curl", copyButton(entry.curl, curl), curl,
      Object.values(entry.headers).some(function (v) { return v.indexOf("[masked]") >= 0; }) || entry.path.indexOf("[masked]") >= 0
        ? el("p", { className: "muted" }, "Credentials were masked: put yours back before running it.") : null));
  }
  children.push(el("p", null, el("a", { href: "#" }, "Back to the list"), el("span", { className: "muted" }, " (Esc)")));
  detail.replaceChildren(...children);
  detail.hidden = false;
  main.classList.add("has-detail");
  if (focus) heading.focus();
}

function hide() {
  selected = null;
  detail.hidden = true;
  main.classList.remove("has-detail");
  tbody.querySelectorAll("tr[aria-current]").forEach(function (tr) { tr.removeAttribute("aria-current"); });
}

function route(focus) {
  var match = /^#delivery-(\d+)$/.exec(location.hash);
  if (match) show(Number(match[1]), focus);
  else hide();
}
window.addEventListener("hashchange", function () { route(true); });
document.addEventListener("keydown", function (event) {
  if (event.key === "Escape" && selected !== null) {
    var id = selected;
    history.pushState(null, "", location.pathname);
    hide();
    var link = document.querySelector("#row-" + id + " a");
    if (link) link.focus();
  }
});

function connect() {
  var source = new EventSource("/_cmshooks/events");
  source.addEventListener("hello", function (event) {
    var hello = JSON.parse(event.data);
    if (session !== null && session !== hello.session) {
      entries.clear();
      tbody.replaceChildren();
      emptyNote.hidden = false;
      count.textContent = "";
      hide();
    }
    session = hello.session;
    document.getElementById("about").textContent = hello.title + " deliveries to " + hello.url + " · checks: " + (hello.checks.join(", ") || "none");
    connection.textContent = "Live";
    connection.className = "live";
  });
  source.addEventListener("delivery", function (event) { add(JSON.parse(event.data)); });
  source.addEventListener("open", function () { connection.textContent = "Live"; connection.className = "live"; });
  source.addEventListener("error", function () { connection.textContent = "Disconnected: retrying…"; connection.className = "down"; });
}
connect();
route(false);
`;
