import { greeting } from './greeting.js'

function render(text) {
  document.querySelector('#greeting').textContent = text
}

render(greeting)

// The API is another origin behind the same distribution (/api/* in frontyard.yaml): same host, no CORS.
fetch('/api/hello')
  .then((r) => r.json())
  .then((echo) => { document.querySelector('#api').textContent = `${echo.method} ${echo.path}` })
  .catch((e) => { document.querySelector('#api').textContent = `failed: ${e}` })

// Hot module replacement: a new greeting.js re-renders the heading; the page (and its state) stays.
if (import.meta.hot) {
  import.meta.hot.accept('./greeting.js', (mod) => mod && render(mod.greeting))
}
