// What both phase pages build their DOM with: elements made with createElement / createElementNS, attributes set
// one by one and text set as textContent, so whatever the server named anything stays text. Loaded before the page.
(function () {
  'use strict';
  const SVG = 'http://www.w3.org/2000/svg';

  function made(node, attributes, text) {
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, String(value));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  window.phaseDom = Object.freeze({
    /** The parent, with the child appended (Element.append returns nothing). */
    child(parent, node) {
      parent.append(node);
      return parent;
    },
    el: (tag, attributes, text) => made(document.createElement(tag), attributes, text),
    svg: (tag, attributes, text) => made(document.createElementNS(SVG, tag), attributes, text),
    counted: n => n.toLocaleString('en'),
  });
}());
