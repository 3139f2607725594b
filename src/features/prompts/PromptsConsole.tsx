// Placeholder created by the shell engineer so the app builds; the prompts feature replaces it.
export function PromptsConsole() {
  return null;
}
