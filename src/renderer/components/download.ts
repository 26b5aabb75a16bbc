// Saving a file the core produced through the browser's download: a Blob URL and an <a download>, so nothing
// is written anywhere but where the user's browser puts downloads.

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** Offers `content` (text or bytes) as a download named `fileName`. */
export function downloadFile(fileName: string, content: BlobPart, mime: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mime }));
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

/** A file that crossed the contract as base64 (PDFs and other binary documents). */
export function downloadBase64(fileName: string, contentBase64: string, mime = 'application/pdf'): void {
  downloadFile(fileName, base64ToBytes(contentBase64), mime);
}
