/**
 * The review screen's keyboard flow. Single keys act only when focus is not in a text input (so
 * typing is never hijacked); the modified ones (Ctrl/⌘, Alt) work everywhere. Pure, so the key map
 * is unit-tested; the help overlay lists SHORTCUTS.
 */
export type ShortcutAction =
  | "help"
  | "nextField"
  | "previousField"
  | "save"
  | "finalize"
  | "nextDocument"
  | "previousDocument";

export const SHORTCUTS: { keys: string[]; action: ShortcutAction; description: string }[] = [
  { keys: ["j", "Alt + ↓"], action: "nextField", description: "Next field that needs attention (empty or low confidence)" },
  { keys: ["k", "Alt + ↑"], action: "previousField", description: "Previous field that needs attention" },
  { keys: ["Ctrl + S", "⌘ + S"], action: "save", description: "Save the changes" },
  { keys: ["Ctrl + Enter", "⌘ + Enter"], action: "finalize", description: "Finalize (asks for confirmation)" },
  { keys: ["]", "Alt + Page Down"], action: "nextDocument", description: "Next document in the list you came from" },
  { keys: ["[", "Alt + Page Up"], action: "previousDocument", description: "Previous document in the list you came from" },
  { keys: ["?"], action: "help", description: "Show these shortcuts" },
];

export interface KeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  /** Focus is in a text input, text area, select or editable element. */
  typing: boolean;
}

export function shortcutFor(event: KeyLike): ShortcutAction | null {
  const { key, altKey, ctrlKey, metaKey, typing } = event;
  const command = ctrlKey || metaKey;
  if (command && !altKey) {
    if (key.toLowerCase() === "s") return "save";
    if (key === "Enter") return "finalize";
    return null;
  }
  if (altKey && !command) {
    if (key === "ArrowDown") return "nextField";
    if (key === "ArrowUp") return "previousField";
    if (key === "PageDown") return "nextDocument";
    if (key === "PageUp") return "previousDocument";
    return null;
  }
  if (command || altKey || typing) return null;
  switch (key) {
    case "?":
      return "help";
    case "j":
      return "nextField";
    case "k":
      return "previousField";
    case "]":
      return "nextDocument";
    case "[":
      return "previousDocument";
    default:
      return null;
  }
}

/** The next index (cyclic) in `direction` among `candidates` (ascending indexes), from `current`. */
export function nextAttention(candidates: number[], current: number | null, direction: 1 | -1): number | null {
  if (candidates.length === 0) return null;
  if (direction === 1) return candidates.find((i) => current === null || i > current) ?? candidates[0];
  const before = [...candidates].reverse().find((i) => current === null || i < current);
  return before ?? candidates[candidates.length - 1];
}
