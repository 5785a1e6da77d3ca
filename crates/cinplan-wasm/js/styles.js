// The embed's stylesheet. It is adopted by the embed's own shadow root as a constructed
// stylesheet (allowed under `style-src 'self'`: no inline style, no extra request), so no
// rule here can reach the host page and no host rule reaches in, except inherited text
// properties, which the container resets.

// `.mirror > * + *`: the mirror's text is in blocks, one per line of the field (overlay.js,
// blocksOf), and the field's indent is its first line's alone. (Comments stay out of the
// CSS text, which is shipped as written.)
export const CSS = `
:host { all: initial; }
* { box-sizing: border-box; }

.field {
  position: absolute;
  overflow: hidden;
  pointer-events: none;
}
.mirror {
  position: absolute;
  inset: 0;
  margin: 0;
  overflow: hidden;
  color: transparent;
  background: transparent;
  border-color: transparent;
  border-style: solid;
  pointer-events: none;
}
.mirror > * + * { text-indent: 0; }
.mark {
  text-decoration-line: underline;
  text-decoration-skip-ink: none;
  text-underline-offset: 0.18em;
  text-decoration-thickness: 2px;
}
.mark.error { text-decoration-style: wavy; text-decoration-color: #c5221f; }
.mark.warning { text-decoration-style: wavy; text-decoration-color: #b3590b; }
.mark.info { text-decoration-style: dotted; text-decoration-color: #1a5fb4; }
.mark.current { background: rgba(26, 95, 180, 0.12); }

.box {
  position: absolute;
  height: 0;
  border-bottom-width: 2px;
  pointer-events: none;
}
.box.error { border-bottom-style: solid; border-bottom-color: #c5221f; }
.box.warning { border-bottom-style: dashed; border-bottom-color: #b3590b; }
.box.info { border-bottom-style: dotted; border-bottom-color: #1a5fb4; }

.badge {
  position: absolute;
  min-width: 24px;
  height: 24px;
  padding: 0 6px;
  border: 1px solid #ffffff;
  border-radius: 12px;
  font: 700 12px/22px system-ui, sans-serif;
  color: #ffffff;
  background: #1a5fb4;
  cursor: pointer;
  pointer-events: auto;
}
.badge.error { background: #c5221f; }
.badge.warning { background: #8a4a00; }
.badge:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 1px; }

.popover {
  position: absolute;
  width: max-content;
  max-width: min(26rem, calc(100vw - 16px));
  padding: 12px 14px;
  border: 1px solid #6b6b6b;
  border-radius: 6px;
  background: #ffffff;
  color: #1a1a1a;
  font: 14px/1.45 system-ui, sans-serif;
  box-shadow: 0 4px 16px rgba(0, 0, 0, 0.18);
  pointer-events: auto;
}
.popover[hidden] { display: none; }
.popover .head { display: flex; gap: 8px; align-items: baseline; justify-content: space-between; }
.popover .severity { font-weight: 700; text-transform: capitalize; }
.popover .severity.error { color: #a50e0e; }
.popover .severity.warning { color: #7a4100; }
.popover .severity.info { color: #174ea6; }
.popover .count { color: #4a4a4a; font-size: 13px; }
.popover .message { margin: 6px 0 8px; font-size: 15px; font-weight: 600; }
.popover .rule { color: #4a4a4a; font-size: 12px; }
.popover details { margin: 6px 0; }
.popover summary { cursor: pointer; color: #174ea6; }
.popover details p { margin: 6px 0; }
.popover .suggestions { display: flex; flex-direction: column; gap: 6px; margin: 8px 0; }
.popover .suggestion {
  text-align: left;
  padding: 6px 8px;
  border: 1px solid #174ea6;
  border-radius: 4px;
  background: #eef3fc;
  color: #0b2a5c;
  font: inherit;
  cursor: pointer;
}
.popover .advice { margin: 4px 0; padding-left: 8px; border-left: 3px solid #8a8a8a; }
.popover .actions { display: flex; gap: 6px; justify-content: flex-end; margin-top: 8px; }
.popover .actions button {
  padding: 4px 10px;
  border: 1px solid #6b6b6b;
  border-radius: 4px;
  background: #f4f4f4;
  color: #1a1a1a;
  font: inherit;
  cursor: pointer;
}
.popover button:focus-visible, .popover summary:focus-visible {
  outline: 3px solid #1a1a1a;
  outline-offset: 1px;
}
.popover .label { display: block; font-size: 12px; color: #3d3d3d; }

.visually-hidden {
  position: absolute;
  width: 1px;
  height: 1px;
  margin: -1px;
  padding: 0;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
  border: 0;
}
`;
