/**
 * The command menu (setMyCommands) and the /help text come from this one list, so what the menu
 * offers and what the bot answers never drift apart.
 */
export interface MenuCommand {
  command: string;
  description: string;
  /** Shown by /help: how to call it. */
  usage: string;
}

export const COMMAND_MENU: readonly MenuCommand[] = [
  { command: 'rewards', description: 'Your balance and what you earned', usage: '/rewards' },
  { command: 'history', description: 'Your payouts, page by page', usage: '/history' },
  { command: 'claim', description: 'Claim your rewards to your wallet', usage: '/claim' },
  {
    command: 'wallet',
    description: 'Link a wallet (Sign-In with Ethereum)',
    usage: '/wallet 0xADDRESS, then /wallet 0xSIGNATURE  (/wallet unlink removes it)',
  },
  { command: 'models', description: 'Models you can ask', usage: '/models' },
  { command: 'ask', description: 'Ask a model (paid, with a receipt)', usage: '/ask MODEL your prompt' },
  { command: 'notify', description: 'Tell me when I earn (on/off)', usage: '/notify on  or  /notify off' },
  { command: 'datanets', description: 'Datanets you can contribute to', usage: '/datanets' },
  {
    command: 'contribute',
    description: 'Add text to a datanet',
    usage:
      '/contribute Persian Poetry  (then your text on the next lines, or send a .txt/.md/.jsonl file with the datanet name as caption)',
  },
  {
    command: 'link',
    description: 'Join your Discord account',
    usage: '/link CODE  (or /link alone for a code to use in Discord)',
  },
  { command: 'help', description: 'What I can do', usage: '/help' },
];
