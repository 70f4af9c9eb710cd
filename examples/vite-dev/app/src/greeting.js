// Edit this line while the page is open: Vite swaps the module in place through the edge (no reload).
export const greeting = 'Hello from Vite, through the edge'
