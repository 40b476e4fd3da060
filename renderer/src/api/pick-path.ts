/**
 * Backend-side CSV paths in Electron come from the main process's file dialog (typed paths are
 * refused there); in browser mode there is no dialog and paths must be in the import folder.
 */
export const canPickPath = (): boolean => typeof window.alphadeskBridge?.pickCsvPath === 'function'

export async function pickCsvPath(kind: 'file' | 'folder'): Promise<string | null> {
  return (await window.alphadeskBridge?.pickCsvPath?.(kind)) ?? null
}
