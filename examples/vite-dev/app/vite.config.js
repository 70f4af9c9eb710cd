import { defineConfig } from 'vite'

// Vite behind a frontyard distribution: the browser talks only to the edge, the edge forwards to Vite.
//   FRONTYARD_EDGE_PORT  the edge's viewer port, the one in the browser's address bar (8080 by default)
//   VITE_HOST, VITE_PORT where Vite listens; frontyard.yaml's `emulator.resolve` points the origin there
const edgePort = Number(process.env.FRONTYARD_EDGE_PORT || 8080)

export default defineConfig({
  server: {
    host: process.env.VITE_HOST || '127.0.0.1',
    port: Number(process.env.VITE_PORT || 5173),
    strictPort: true,
    // The HMR WebSocket goes to the edge, like the page: the browser connects to the page's own host on the
    // edge's port, and the edge forwards the upgrade to Vite (the behavior's origin request policy passes
    // Sec-WebSocket-Key and Sec-WebSocket-Version). Setting clientPort also turns off the client's silent
    // fallback to a direct connection to Vite, so a socket the edge cannot carry fails where you can see it.
    // Vite 7 and older spell this `hmr: { clientPort: edgePort }`.
    ws: { clientPort: edgePort },
    // Host: the origin request policy forwards the viewer's Host. *.localhost names and IP addresses are
    // allowed by default; add other aliases of the distribution here, e.g. allowedHosts: ['app.example.test'].
  },
})
