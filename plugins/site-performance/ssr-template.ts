// Docusaurus' page template (@docusaurus/core lib/ssg/ssgTemplate.html.js, 3.10)
// with one change: the site's scripts run after the first paint.
//
// The default template loads them with <script defer>, which runs them as soon
// as the HTML is parsed. When the HTML and the scripts arrive together (a warm
// cache, a fast network), a phone then evaluates the JavaScript and hydrates
// the page before painting it: the reader waits for the scripts to see text
// that was already there. Here they are inserted, in order, after the first
// frame, and their download starts then: a <link rel="preload"> would start it
// earlier, but Lighthouse counts preloaded scripts as blocking the render.
// `setTimeout` inside `requestAnimationFrame` runs after that frame paints; the
// plain timeout covers a tab opened in the background, where frames wait.
export const ssrTemplate = `
<!DOCTYPE html>
<html <%~ it.htmlAttributes %>>
  <head>
    <meta charset="UTF-8">
    <meta name="generator" content="Docusaurus v<%= it.version %>">
    <% it.metaAttributes.forEach((metaAttribute) => { %>
      <%~ metaAttribute %>
    <% }); %>
    <%~ it.headTags %>
    <% it.stylesheets.forEach((stylesheet) => { %>
      <link rel="stylesheet" href="<%= it.baseUrl %><%= stylesheet %>" />
    <% }); %>
  </head>
  <body <%~ it.bodyAttributes %>>
    <%~ it.preBodyTags %>
    <div id="__docusaurus"><%~ it.appHtml %></div>
    <script>
      (function () {
        var scripts = [<% it.scripts.forEach((script) => { %>"<%= it.baseUrl %><%= script %>",<% }); %>];
        var started = false;
        function start() {
          if (started) return;
          started = true;
          scripts.forEach(function (src) {
            var script = document.createElement('script');
            script.src = src;
            script.async = false;
            document.body.appendChild(script);
          });
        }
        requestAnimationFrame(function () { setTimeout(start, 0); });
        setTimeout(start, 1000);
      })();
    </script>
    <%~ it.postBodyTags %>
  </body>
</html>
`;
