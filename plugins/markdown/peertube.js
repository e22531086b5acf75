// Click-to-play for PeerTube cards rendered by plugins/markdown/peertube.ts.
// Optional progressive enhancement: without it the card is a plain link to the
// video's page. With it, a "play here" button swaps the card for the player.
// Nothing is requested from the video's host before that click.
//
// Load with <script src="/assets/peertube.js" defer></script>.
// CSP: script-src 'self'; frame-src https://<video host> for each allowed host.
// No inline style is set (the CSP forbids them): size the player in CSS
// (.peertube-player iframe { width: 100%; aspect-ratio: 16 / 9; height: auto; }).
(function () {
  "use strict";

  function play(card) {
    var iframe = document.createElement("iframe");
    iframe.src = card.dataset.peertubeEmbed;
    iframe.title = card.dataset.peertubeTitle || "";
    iframe.width = "560";
    iframe.height = "315";
    iframe.allow = "autoplay; fullscreen; picture-in-picture";
    iframe.allowFullscreen = true;
    // What PeerTube's own share dialog sets: the player needs scripts, its own
    // origin (storage, API), popups (links to the instance) and forms (login).
    iframe.setAttribute("sandbox", "allow-same-origin allow-scripts allow-popups allow-forms");
    iframe.referrerPolicy = "no-referrer";

    var player = document.createElement("div");
    player.className = "peertube-player";
    player.appendChild(iframe);
    // Keep the link below the player: some visitors prefer the instance's page.
    var link = card.querySelector(".peertube-link");
    if (link) player.appendChild(link);
    card.replaceWith(player);
    iframe.focus();
  }

  var cards = document.querySelectorAll(".peertube[data-peertube-embed]");
  Array.prototype.forEach.call(cards, function (card) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "peertube-play";
    button.textContent = card.dataset.peertubePlay || "▶";
    button.addEventListener("click", function () {
      play(card);
    });
    var note = card.querySelector(".peertube-note");
    card.insertBefore(button, note);
  });
})();
