// The content script: what QuoteLens puts into a page it reads, in order. One list for
// the registration (the sites the settings name), the injection on the reader's click
// (site-access.js) and the build, which compacts these files and holds them to their
// budget (tools/build-extension.mjs).

export const CONTENT_SCRIPT = Object.freeze({
  js: Object.freeze(['messages.js', 'article-dom.js', 'content.js']),
  css: Object.freeze(['content.css']),
});
