// Log in with the console password; the server answers with an HttpOnly session cookie.
const form = document.getElementById("login-form");
const error = document.getElementById("login-error");
const notice = document.getElementById("login-notice");

async function checkConfigured() {
  const response = await fetch("/console/auth/status", { credentials: "same-origin" });
  const status = await response.json();
  if (status.logged_in) {
    window.location.reload();
  } else if (!status.configured) {
    notice.textContent = status.message;
    notice.hidden = false;
    for (const field of form.elements) field.disabled = true;
  }
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  error.textContent = "";
  const data = Object.fromEntries(new FormData(form).entries());
  const response = await fetch("/console/login", {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(data),
  });
  if (response.ok) {
    window.location.assign("/console");
    return;
  }
  const body = await response.json().catch(() => ({}));
  error.textContent = body.detail || `Login failed (${response.status}).`;
  form.elements.password.value = "";
  form.elements.password.focus();
});

checkConfigured();
