/* Shared helpers. Data from the server is untrusted text: it only ever goes into textContent or attribute
   values set through the DOM, never into innerHTML. */
"use strict";

const orbat = (() => {
  /** el("a", {href: "/x", class: "y"}, "text", child) — children are strings (text nodes) or nodes. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await response.json();
    if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
    return body;
  }

  const name = (names, id) => (id ? (names && names[id]) || id : "—");
  const entityLink = (names, id) => (id ? el("a", { href: "/actors/" + encodeURIComponent(id), class: "entity" }, name(names, id)) : "—");
  const claimDate = (c) => (c.valid.start || c.reported || "undated").slice(0, 10);
  const evidenceLink = (id, text) => el("a", { href: "/claims/" + encodeURIComponent(id) }, text || "evidence");
  const LABELS = {
    part_of: "part of", subordinate_of: "subordinate to", commands: "commands", leads: "leads", member_of: "member of",
    backed_by: "backed by", allied_with: "allied with", opposed_to: "opposed to", controls: "controls",
    present_at: "present at", designated_by: "designated by", event: "event",
  };
  const label = (p) => LABELS[p] || p;

  /* The write token: asked for once, kept for this tab only (sessionStorage). */
  function credentials() {
    let token = sessionStorage.getItem("orbat-token");
    let reviewer = sessionStorage.getItem("orbat-reviewer");
    if (!token) {
      token = window.prompt("This server needs its review token (see `orbat serve --token`):");
      if (!token) return null;
      sessionStorage.setItem("orbat-token", token);
    }
    if (!reviewer) {
      reviewer = window.prompt("Your name, recorded with each decision:");
      if (!reviewer) return null;
      sessionStorage.setItem("orbat-reviewer", reviewer);
    }
    return { token, reviewer };
  }

  async function review(claimId, decision) {
    const who = credentials();
    if (!who) throw new Error("a review needs the token and your name");
    const response = await fetch("/api/claims/" + encodeURIComponent(claimId) + "/review", {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: "Bearer " + who.token, Accept: "application/json" },
      body: JSON.stringify({ decision, reviewer: who.reviewer }),
    });
    const body = await response.json();
    if (response.status === 401) sessionStorage.removeItem("orbat-token");
    if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
    return body;
  }

  function wireReviewButtons(root) {
    root.addEventListener("click", async (event) => {
      const button = event.target.closest("button[data-review]");
      if (!button) return;
      const cell = button.closest(".review-cell");
      const status = cell.querySelector(".status");
      const buttons = cell.querySelectorAll("button");
      buttons.forEach((b) => (b.disabled = true));
      try {
        const result = await review(button.dataset.claim, button.dataset.review);
        const last = result.history[result.history.length - 1];
        status.textContent = result.review;
        status.className = "status status-" + result.review;
        status.title = last ? `${last.decision} by ${last.reviewer} at ${last.made}` : "";
        const decided = cell.querySelector(".decided");
        if (decided) decided.textContent = last ? `by ${last.reviewer}, ${last.made.slice(0, 16).replace("T", " ")}` : "";
        cell.querySelector('[data-review="reset"]').hidden = result.review === "machine";
      } catch (error) {
        status.textContent = "error: " + error.message;
      } finally {
        buttons.forEach((b) => (b.disabled = false));
      }
    });
  }

  return { el, getJSON, name, entityLink, claimDate, evidenceLink, label, review, wireReviewButtons };
})();

document.addEventListener("DOMContentLoaded", () => {
  for (const root of document.querySelectorAll("[data-review-root]")) orbat.wireReviewButtons(root);
});
