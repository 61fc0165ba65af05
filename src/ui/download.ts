/** Saves bytes or text the page made as a file on the admin's disk; nothing goes over the network. */
export function saveFile(params: { name: string; content: string | Uint8Array<ArrayBuffer>; type: string }): void {
  const url = URL.createObjectURL(new Blob([params.content], { type: params.type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = params.name;
  link.click();
  // Why a delay: the browser reads the blob after click() returns; revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
