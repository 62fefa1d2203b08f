// The wiki's tips for a VPA whose client became inactive (the red question mark): how to reactivate the client
// oneself before the inactive-management team (Conny) takes over. One list, shown on the VPA's card when the
// cycle starts and on `kunden` next to every marked client.

export const REACTIVATION_TIPS: string[] = [
  'Schreib dem Kunden eine persönliche Nachricht – kurz, freundlich und ohne Vorwurf, nicht nur die automatische Nachricht.',
  'Schlag ihm konkrete Aufgaben vor, die er dir früher gegeben hat, z. B. die Monatsrechnungen, die Terminplanung oder die Reiserecherche.',
  'Frag nach, ob sich sein Bedarf verändert hat (neues Projekt, andere Prioritäten, weniger Budget) und wobei du ihn jetzt entlasten kannst.',
  'Biete ihm ein kurzes Telefonat oder einen Videocall von 15 Minuten an, um die nächsten Wochen gemeinsam durchzugehen.',
  'Sag ihm, wann du in den nächsten Wochen verfügbar bist, damit er weiß, dass er dir jederzeit eine Aufgabe geben kann.',
];
