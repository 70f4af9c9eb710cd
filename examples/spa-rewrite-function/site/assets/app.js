document.getElementById("app").textContent = "rendered by app.js";
