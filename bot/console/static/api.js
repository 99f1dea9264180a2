// JSON calls to /console/api; a 401 means the session ended, so show the login page again.

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

function detailText(detail) {
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) return detail.map((item) => item.msg || String(item)).join("; ");
  return "Request failed.";
}

export async function api(path, { method = "GET", body } = {}) {
  const response = await fetch(`/console/api/${path}`, {
    method,
    credentials: "same-origin",
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    window.location.assign("/console");
    throw new ApiError(401, "Logged out.");
  }
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, detailText(data.detail));
  return data;
}
