/* Course site: "Open on your JupyterHub" forms build an nbgitpuller link, the same as
 * kzlessons.launch.hub_link: {hub}/hub/user-redirect/git-pull?repo=..&branch=..&targetPath={name}&urlpath=lab/tree/{name}/notebooks/{lesson}.
 * Nothing is fetched; the browser only follows the link the learner asked for. */
(function () {
  "use strict";
  function enc(s) { return encodeURIComponent(s).replace(/%20/g, "+"); }
  function hubLink(hub, lesson, repo, branch) {
    var name = repo.replace(/\/+$/, "").split("/").pop().replace(/\.git$/, "");
    return hub.replace(/\/+$/, "") + "/hub/user-redirect/git-pull?repo=" + enc(repo) + "&branch=" + enc(branch) +
      "&targetPath=" + enc(name) + "&urlpath=" + enc("lab/tree/" + name + "/notebooks/" + lesson);
  }
  function init() {
    [].forEach.call(document.querySelectorAll("form.kz-hub"), function (form) {
      var input = form.querySelector("input"), note = form.querySelector(".kz-hub-note");
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var hub = input.value.trim();
        if (!/^https?:\/\/[^\s/]+/.test(hub)) {
          note.textContent = "Type your hub's address starting with https://, for example https://hub.example.edu.";
          input.focus();
          return;
        }
        window.location.href = hubLink(hub, form.dataset.lesson, form.dataset.repo, form.dataset.branch);
      });
    });
  }
  window.kzHubLink = hubLink;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
