// Saving a file the core produced (base64 over the contract) through the browser's download: a Blob URL and
// an <a download>, so nothing is written anywhere but where the user's browser puts downloads.

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

export function downloadBase64(fileName: string, contentBase64: string, mime = 'application/pdf'): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(contentBase64)], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled so the download can start.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
