// fetch() that turns a refusal into an Error carrying the host's own words (serve mode answers
// what is wrong as text).
export async function fetchOk(url: string, init?: RequestInit): Promise<Response> {
  const res = await fetch(url, init)
  if (!res.ok) throw new Error((await res.text()).trim() || `HTTP ${res.status}`)
  return res
}
