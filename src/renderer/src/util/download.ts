// Saves a file the browser way (a Blob behind a download link); Electron's renderer handles the
// same download. In serve mode a trace comes from the host's download URL as a Blob: the
// browser reads the response off the page's thread, and the page never holds it as text.
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export function downloadText(fileName: string, mime: string, content: string): void {
  downloadBlob(fileName, new Blob([content], { type: mime }))
}

/** A file from `url`: its name (Content-Disposition) and body; a failed answer's text is the
 *  error's message (the host says what is wrong). */
export async function fetchFile(url: string): Promise<{ fileName: string; blob: Blob }> {
  const res = await fetch(url, { cache: 'no-store' })
  if (!res.ok) throw new Error((await res.text()).trim() || `HTTP ${res.status}`)
  const disposition = res.headers.get('content-disposition') ?? ''
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'trace'
  return { fileName, blob: await res.blob() }
}
