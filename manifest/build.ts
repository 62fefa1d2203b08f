// The Teams app package: manifest.json (schema v1.29, German by default, English as a second
// language in en-us.json) and the two icons, zipped at the archive root as Teams expects.
// The CLI's `manifest build` calls buildManifestPackage with MICROSOFT_APP_ID and PUBLIC_URL.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../src/errors/catalogue.ts';
import { ACCENT_COLOR, ICONS_DIR } from './brand.ts';
import { createZip } from './zip.ts';

export const MANIFEST_SCHEMA_URL = 'https://developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.schema.json';
const LOCALIZATION_SCHEMA_URL = 'https://developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.Localization.schema.json';
export const ENGLISH_FILE = 'en-us.json';

export interface ManifestOptions {
  /** The bot's Microsoft App ID (MICROSOFT_APP_ID), a GUID; also the Teams app id. */
  appId: string | undefined;
  /** The bot's public https base URL (PUBLIC_URL). */
  publicUrl: string | undefined;
  /** The app version (semver); Teams wants a higher one for every update of the package. */
  version: string;
}

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

/** Checks the two settings and names the variable that is missing or wrong. */
function checkedSettings(appId: string | undefined, publicUrl: string | undefined): { appId: string; base: URL } {
  const missing = [!appId?.trim() && 'MICROSOFT_APP_ID', !publicUrl?.trim() && 'PUBLIC_URL'].filter((v): v is string => typeof v === 'string');
  if (!appId?.trim() || !publicUrl?.trim()) {
    throw new AppError('MANIFEST_CONFIG_MISSING', {
      detail: `${missing.join(' and ')} not set`,
      userMessage: `Für das Teams-App-Paket fehlt ${missing.join(' und ')}. Bitte in der Umgebung (.env) setzen.`,
    });
  }
  const id = appId.trim();
  if (!GUID.test(id)) {
    throw new AppError('MANIFEST_CONFIG_INVALID', {
      detail: 'MICROSOFT_APP_ID is not a GUID',
      userMessage: 'MICROSOFT_APP_ID muss die App-ID des Bots sein (eine GUID wie 00000000-0000-0000-0000-000000000000).',
    });
  }
  let base: URL;
  try {
    base = new URL(publicUrl.trim());
  } catch {
    throw new AppError('MANIFEST_CONFIG_INVALID', { detail: 'PUBLIC_URL is not a URL', userMessage: 'PUBLIC_URL ist keine gültige Adresse (z. B. https://staffelstab.example.com).' });
  }
  if (base.protocol !== 'https:') {
    throw new AppError('MANIFEST_CONFIG_INVALID', {
      detail: 'PUBLIC_URL must use https',
      userMessage: 'PUBLIC_URL muss mit https:// beginnen: Teams lädt nur Seiten über https.',
    });
  }
  return { appId: id, base };
}

/** PUBLIC_URL without a trailing slash, keeping any path prefix (e.g. https://host/staffelstab). */
function baseUrl(base: URL): string {
  return `${base.origin}${base.pathname.replace(/\/+$/, '')}`;
}

interface Command {
  title: string;
  de: string;
  en: string;
}

const HILFE: Command = { title: 'hilfe', de: 'Zeigt, was ich für dich tun kann', en: 'Shows what I can do for you' };
const ABGEBEN: Command = { title: 'abgeben', de: 'Einen deiner Kunden zur Abgabe vorschlagen', en: 'Propose handing one of your clients over' };
const MELDEN: Command = { title: 'melden', de: 'Einen respektlosen Kunden an die Manager melden', en: 'Report a disrespectful client to the managers' };
const STATUS: Command = { title: 'status', de: 'Stand deiner offenen Vorgänge', en: 'Status of your open requests' };
const KUNDEN: Command = { title: 'kunden', de: 'Deine Kunden, inaktive mit rotem Fragezeichen', en: 'Your clients, inactive ones marked with the red question mark' };
const INAKTIV: Command = { title: 'inaktiv', de: 'Inaktive Kunden: an Conny übergeben, verschieben, ausnehmen', en: 'Inactive clients: hand over to Conny, postpone, exclude' };
const INAKTIV_BERICHT: Command = { title: 'inaktiv bericht', de: 'Wer steht bei welcher Nachricht, wer kam wann zurück', en: 'Clients at each message, and who came back when' };
const UMFRAGEN: Command = { title: 'umfragen', de: 'Offene Umfragen zu reaktivierten Kunden', en: 'Open tenders for reactivated clients' };
const SCHICHTPLAN: Command = { title: 'schichtplan', de: 'Wer heute und morgen Schicht hat', en: 'Who is on shift today and tomorrow' };
const SCHICHT_BERICHT: Command = { title: 'schicht bericht', de: 'Schicht-Checks und verpasste Reaktionszeiten', en: 'Shift checks and missed response times' };
const KANAL: Command[] = [
  { title: 'kanal freigabe', de: 'Dieser Kanal erhält die Freigabeanfragen', en: 'This channel receives approval requests' },
  { title: 'kanal betreuung', de: 'Dieser Kanal ist der Prüfkanal des Community-Teams', en: "This channel is the community team's review channel" },
  { title: 'kanal schicht', de: 'Dieser Kanal erhält die Schicht-Erinnerungen', en: 'This channel receives the shift pings' },
  { title: 'kanal admin', de: 'Dieser Kanal erhält die Prüfungen reaktivierter Kunden', en: 'This channel receives reactivation reviews' },
];

// The forms of abgeben and melden carry personal details, so they are offered in the personal chat (with the
// role-bound lists, at most 10 commands a list); the kanal commands work only in a team channel, where the
// community and admin teams also use their lists.
const COMMAND_LISTS: { scopes: ('personal' | 'team' | 'groupChat')[]; commands: Command[] }[] = [
  { scopes: ['personal'], commands: [HILFE, ABGEBEN, MELDEN, STATUS, KUNDEN, INAKTIV, INAKTIV_BERICHT, UMFRAGEN, SCHICHTPLAN, SCHICHT_BERICHT] },
  { scopes: ['team'], commands: [HILFE, STATUS, INAKTIV, UMFRAGEN, SCHICHTPLAN, ...KANAL] },
  { scopes: ['groupChat'], commands: [HILFE, STATUS] },
];

const TEXT = {
  de: {
    nameShort: 'Staffelstab',
    nameFull: 'Staffelstab – Kundenabgaben, inaktive Kunden und Schichtdienst',
    descriptionShort: 'Kundenabgaben, inaktive Kunden (Konto Conny) und Schichtdienst in Teams',
    descriptionFull:
      'Staffelstab begleitet VPAs, das Community-Team und die Manager durch die Kundenabgabe: von der Anfrage mit Grund und Maßnahmen ' +
      'über die Prüfung bis zur Freigabe durch VPA-Manager oder Kundenmanager und die Übergabe an den Nachfolger. ' +
      'Er erinnert an inaktive Kunden, übernimmt die Nachrichten des Kontos Conny und meldet der Schicht zu den Prüfzeiten, was dort wartet.',
    tabName: 'Übersicht',
  },
  en: {
    nameShort: 'Staffelstab',
    nameFull: 'Staffelstab – client handovers, inactive clients and shift duty',
    descriptionShort: 'Client handovers, inactive clients (Conny account) and shift duty in Teams',
    descriptionFull:
      'Staffelstab guides VPAs, the community team and managers through a client handover: from the request with its reason and the ' +
      'measures taken, through the review, to the approval by a VPA manager or client manager and the handover to the successor. ' +
      'It reminds about inactive clients, sends the Conny account’s messages and tells the shift at the check times what is waiting there.',
    tabName: 'Overview',
  },
} as const;

/** The manifest.json object (German). Throws MANIFEST_CONFIG_MISSING / MANIFEST_CONFIG_INVALID naming the variable. */
export function buildManifest(options: ManifestOptions): Record<string, unknown> {
  const { appId, base } = checkedSettings(options.appId, options.publicUrl);
  const url = baseUrl(base);
  return {
    $schema: MANIFEST_SCHEMA_URL,
    manifestVersion: '1.29',
    version: options.version,
    id: appId,
    localizationInfo: { defaultLanguageTag: 'de-de', additionalLanguages: [{ languageTag: 'en-us', file: ENGLISH_FILE }] },
    developer: {
      name: 'Staffelstab',
      websiteUrl: `${url}/tab/index.html`,
      privacyUrl: `${url}/tab/privacy.html`,
      termsOfUseUrl: `${url}/tab/terms.html`,
    },
    name: { short: TEXT.de.nameShort, full: TEXT.de.nameFull },
    description: { short: TEXT.de.descriptionShort, full: TEXT.de.descriptionFull },
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: ACCENT_COLOR,
    bots: [
      {
        botId: appId,
        scopes: ['personal', 'team', 'groupChat'],
        isNotificationOnly: false,
        supportsFiles: false,
        commandLists: COMMAND_LISTS.map((list) => ({ scopes: list.scopes, commands: list.commands.map((c) => ({ title: c.title, description: c.de })) })),
      },
    ],
    staticTabs: [
      // "conversations" is Teams' reserved id for the bot's chat; listing it keeps the chat beside the tab.
      { entityId: 'conversations', scopes: ['personal'] },
      { entityId: 'overview', name: TEXT.de.tabName, contentUrl: `${url}/tab/index.html`, scopes: ['personal'] },
      { entityId: 'about', scopes: ['personal'] },
    ],
    validDomains: [base.hostname],
    webApplicationInfo: { id: appId, resource: `api://${base.hostname}/${appId}` },
  };
}

/** The English strings (en-us.json) for the manifest's localizable fields, keyed as the localization schema wants. */
export function buildEnglishLocalization(): Record<string, string> {
  const strings: Record<string, string> = {
    $schema: LOCALIZATION_SCHEMA_URL,
    'name.short': TEXT.en.nameShort,
    'name.full': TEXT.en.nameFull,
    'description.short': TEXT.en.descriptionShort,
    'description.full': TEXT.en.descriptionFull,
    'staticTabs[1].name': TEXT.en.tabName,
  };
  COMMAND_LISTS.forEach((list, i) => {
    list.commands.forEach((c, j) => {
      strings[`bots[0].commandLists[${i}].commands[${j}].description`] = c.en;
    });
  });
  return strings;
}

function packageVersion(): string {
  const pkg: unknown = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  if (pkg && typeof pkg === 'object' && 'version' in pkg && typeof pkg.version === 'string') return pkg.version;
  throw new AppError('INTERNAL', { detail: 'package.json has no version' });
}

export interface ManifestPackageOptions {
  appId: string | undefined;
  publicUrl: string | undefined;
  /** Where to write the zip, e.g. manifest/build/staffelstab.zip; its folder is created. */
  outFile: string;
  /** Defaults to package.json's version. */
  version?: string;
}

/** Writes the Teams app package (zip) and returns its absolute path. Nothing is written when a setting is missing or invalid. */
export async function buildManifestPackage(options: ManifestPackageOptions): Promise<string> {
  const manifest = buildManifest({ appId: options.appId, publicUrl: options.publicUrl, version: options.version ?? packageVersion() });
  const [color, outline] = await Promise.all([fs.promises.readFile(path.join(ICONS_DIR, 'color.png')), fs.promises.readFile(path.join(ICONS_DIR, 'outline.png'))]);
  const zip = createZip([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
    { name: ENGLISH_FILE, data: Buffer.from(`${JSON.stringify(buildEnglishLocalization(), null, 2)}\n`, 'utf8') },
    { name: 'color.png', data: color },
    { name: 'outline.png', data: outline },
  ]);
  const outFile = path.resolve(options.outFile);
  await fs.promises.mkdir(path.dirname(outFile), { recursive: true });
  await fs.promises.writeFile(outFile, zip);
  return outFile;
}
